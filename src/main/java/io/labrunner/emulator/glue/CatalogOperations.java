package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The Data Catalog operations of the Glue API, over a {@link GlueCatalog}. */
final class CatalogOperations {
    private final GlueCatalog catalog;

    CatalogOperations(GlueCatalog catalog) {
        this.catalog = catalog;
    }

    ObjectNode createDatabase(JsonNode body) {
        Database input = GlueJson.read(body.path("DatabaseInput"), Database.class);
        // The model requires the name and its pattern admits spaces; a blank name is Glue's own refusal.
        if (input.name().isBlank()) {
            throw GlueErrors.invalidInput("Database name is required.");
        }
        catalog.createDatabase(input);
        return GlueJson.object();
    }

    ObjectNode getDatabase(JsonNode body) {
        ObjectNode out = GlueJson.object();
        out.set("Database", withDefaults(catalog.requireDatabase(body.path("Name").asText())));
        return out;
    }

    ObjectNode getDatabases(JsonNode body) {
        ObjectNode out = GlueJson.object();
        Paging.page(body, catalog.databases().stream().map(CatalogOperations::withDefaults).toList(), out,
                "DatabaseList", 100);
        return out;
    }

    private static JsonNode withDefaults(Database db) {
        ObjectNode node = (ObjectNode) GlueJson.tree(db);
        // Glue reports the Lake Formation default that lets IAM alone govern access.
        ObjectNode permission = node.putArray("CreateTableDefaultPermissions").addObject();
        permission.putObject("Principal").put("DataLakePrincipalIdentifier", "IAM_ALLOWED_PRINCIPALS");
        permission.putArray("Permissions").add("ALL");
        return node;
    }

    ObjectNode updateDatabase(JsonNode body) {
        catalog.updateDatabase(body.path("Name").asText(),
                GlueJson.read(body.path("DatabaseInput"), Database.class));
        return GlueJson.object();
    }

    ObjectNode deleteDatabase(JsonNode body) {
        catalog.deleteDatabase(body.path("Name").asText());
        return GlueJson.object();
    }

    ObjectNode createTable(JsonNode body) {
        String db = body.path("DatabaseName").asText();
        catalog.createTable(db, tableInput(body));
        return GlueJson.object();
    }

    ObjectNode getTable(JsonNode body) {
        Table table = catalog.requireTable(body.path("DatabaseName").asText(), body.path("Name").asText());
        ObjectNode out = GlueJson.object();
        out.set("Table", tableJson(table));
        return out;
    }

    ObjectNode getTables(JsonNode body) {
        List<Table> tables = catalog.tables(body.path("DatabaseName").asText());
        String expression = body.path("Expression").asText(null);
        if (expression != null && !expression.isEmpty()) {
            Pattern pattern = namePattern(expression);
            tables = tables.stream().filter(t -> pattern.matcher(t.name()).matches()).toList();
        }
        ObjectNode out = GlueJson.object();
        Paging.page(body, tables, out, "TableList", 100);
        ArrayNode list = (ArrayNode) out.get("TableList");
        for (int i = 0; i < list.size(); i++) {
            ((ObjectNode) list.get(i)).put("IsRegisteredWithLakeFormation", false);
        }
        return out;
    }

    /** GetTables' Expression is a regular expression; a bare {@code *} is taken as a wildcard. */
    private static Pattern namePattern(String expression) {
        String regex = expression.toLowerCase(Locale.ROOT).replaceAll("(?<!\\.)\\*", ".*");
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw GlueErrors.invalidInput("Invalid expression: " + expression);
        }
    }

    ObjectNode updateTable(JsonNode body) {
        catalog.updateTable(body.path("DatabaseName").asText(), tableInput(body), body.path("VersionId").asText(null),
                body.path("SkipArchive").asBoolean(false));
        return GlueJson.object();
    }

    ObjectNode getTableVersions(JsonNode body) {
        List<JsonNode> versions = catalog.tableVersions(body.path("DatabaseName").asText(),
                body.path("TableName").asText()).stream().map(CatalogOperations::versionJson).toList();
        ObjectNode out = GlueJson.object();
        Paging.page(body, versions, out, "TableVersions", 100);
        return out;
    }

    ObjectNode getTableVersion(JsonNode body) {
        TableVersion version = catalog.tableVersion(body.path("DatabaseName").asText(),
                body.path("TableName").asText(), body.path("VersionId").asText(null));
        ObjectNode out = GlueJson.object();
        out.set("TableVersion", versionJson(version));
        return out;
    }

    ObjectNode deleteTableVersion(JsonNode body) {
        catalog.deleteTableVersion(body.path("DatabaseName").asText(), body.path("TableName").asText(),
                body.path("VersionId").asText());
        return GlueJson.object();
    }

    /** Deletes each version it can and lists the others; a missing table fails the whole call. */
    ObjectNode batchDeleteTableVersion(JsonNode body) {
        String db = body.path("DatabaseName").asText();
        String table = body.path("TableName").asText();
        catalog.requireTable(db, table);
        ObjectNode out = GlueJson.object();
        ArrayNode errors = out.putArray("Errors");
        for (JsonNode version : body.path("VersionIds")) {
            try {
                catalog.deleteTableVersion(db, table, version.asText());
            } catch (AwsException e) {
                ObjectNode error = errors.addObject().put("TableName", GlueCatalog.canonical(table))
                        .put("VersionId", version.asText());
                error.putObject("ErrorDetail").put("ErrorCode", e.code()).put("ErrorMessage", e.getMessage());
            }
        }
        return out;
    }

    private static JsonNode versionJson(TableVersion version) {
        ObjectNode node = GlueJson.object();
        node.set("Table", tableJson(version.table()));
        node.put("VersionId", version.versionId());
        return node;
    }

    ObjectNode createUserDefinedFunction(JsonNode body) {
        catalog.createFunction(body.path("DatabaseName").asText(), functionInput(body));
        return GlueJson.object();
    }

    ObjectNode getUserDefinedFunction(JsonNode body) {
        ObjectNode out = GlueJson.object();
        out.set("UserDefinedFunction", GlueJson.tree(catalog.requireFunction(body.path("DatabaseName").asText(),
                body.path("FunctionName").asText())));
        return out;
    }

    /** Pattern is a regular expression over function names, as GetTables' Expression is over table names. */
    ObjectNode getUserDefinedFunctions(JsonNode body) {
        Pattern pattern = namePattern(body.path("Pattern").asText());
        String type = body.path("FunctionType").asText(null);
        List<UserDefinedFunction> matching = catalog.functions(body.path("DatabaseName").asText(null)).stream()
                .filter(f -> pattern.matcher(f.functionName()).matches())
                .filter(f -> type == null || type.equals(f.functionType()))
                .toList();
        ObjectNode out = GlueJson.object();
        Paging.page(body, matching, out, "UserDefinedFunctions", 100);
        return out;
    }

    ObjectNode updateUserDefinedFunction(JsonNode body) {
        catalog.updateFunction(body.path("DatabaseName").asText(), body.path("FunctionName").asText(),
                functionInput(body));
        return GlueJson.object();
    }

    ObjectNode deleteUserDefinedFunction(JsonNode body) {
        catalog.deleteFunction(body.path("DatabaseName").asText(), body.path("FunctionName").asText());
        return GlueJson.object();
    }

    /** The model requires FunctionInput but none of its members; a function without a name is Glue's refusal. */
    private static UserDefinedFunction functionInput(JsonNode body) {
        JsonNode input = body.path("FunctionInput");
        if (input.path("FunctionName").asText("").isBlank()) {
            throw GlueErrors.invalidInput("Function name is required.");
        }
        return GlueJson.read(input, UserDefinedFunction.class);
    }

    ObjectNode deleteTable(JsonNode body) {
        catalog.deleteTable(body.path("DatabaseName").asText(), body.path("Name").asText());
        return GlueJson.object();
    }

    ObjectNode batchDeleteTable(JsonNode body) {
        String db = body.path("DatabaseName").asText();
        catalog.requireDatabase(db);
        ObjectNode out = GlueJson.object();
        ArrayNode errors = out.putArray("Errors");
        for (JsonNode name : body.path("TablesToDelete")) {
            try {
                catalog.deleteTable(db, name.asText());
            } catch (AwsException e) {
                ObjectNode error = errors.addObject().put("TableName", name.asText());
                error.putObject("ErrorDetail").put("ErrorCode", e.code()).put("ErrorMessage", e.getMessage());
            }
        }
        return out;
    }

    ObjectNode createPartition(JsonNode body) {
        catalog.createPartition(body.path("DatabaseName").asText(), body.path("TableName").asText(),
                GlueJson.read(body.path("PartitionInput"), Partition.class));
        return GlueJson.object();
    }

    ObjectNode batchCreatePartition(JsonNode body) {
        String db = body.path("DatabaseName").asText();
        String table = body.path("TableName").asText();
        catalog.requireTable(db, table);
        ObjectNode out = GlueJson.object();
        ArrayNode errors = out.putArray("Errors");
        for (JsonNode input : body.path("PartitionInputList")) {
            Partition partition = GlueJson.read(input, Partition.class);
            try {
                catalog.createPartition(db, table, partition);
            } catch (AwsException e) {
                partitionError(errors, input.path("Values"), e);
            }
        }
        return out;
    }

    ObjectNode getPartition(JsonNode body) {
        ObjectNode out = GlueJson.object();
        out.set("Partition", GlueJson.tree(catalog.requirePartition(body.path("DatabaseName").asText(),
                body.path("TableName").asText(), values(body.path("PartitionValues")))));
        return out;
    }

    ObjectNode batchGetPartition(JsonNode body) {
        String db = body.path("DatabaseName").asText();
        String table = body.path("TableName").asText();
        catalog.requireTable(db, table);
        ObjectNode out = GlueJson.object();
        ArrayNode found = out.putArray("Partitions");
        ArrayNode missing = out.putArray("UnprocessedKeys");
        for (JsonNode key : body.path("PartitionsToGet")) {
            try {
                found.add(GlueJson.tree(catalog.requirePartition(db, table, values(key.path("Values")))));
            } catch (AwsException e) {
                missing.addObject().set("Values", key.path("Values"));
            }
        }
        return out;
    }

    ObjectNode getPartitions(JsonNode body) {
        String db = body.path("DatabaseName").asText();
        String tableName = body.path("TableName").asText();
        Table table = catalog.requireTable(db, tableName);
        List<String> keys = table.partitionKeys().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        Predicate<List<String>> filter = PartitionFilter.compile(body.path("Expression").asText(null), keys);
        List<Partition> partitions = catalog.partitions(db, tableName).stream()
                .filter(p -> filter.test(p.values())).toList();
        ObjectNode out = GlueJson.object();
        Paging.page(body, partitions, out, "Partitions", 1000);
        return out;
    }

    ObjectNode updatePartition(JsonNode body) {
        catalog.updatePartition(body.path("DatabaseName").asText(), body.path("TableName").asText(),
                values(body.path("PartitionValueList")), GlueJson.read(body.path("PartitionInput"), Partition.class));
        return GlueJson.object();
    }

    ObjectNode deletePartition(JsonNode body) {
        catalog.deletePartition(body.path("DatabaseName").asText(), body.path("TableName").asText(),
                values(body.path("PartitionValues")));
        return GlueJson.object();
    }

    ObjectNode batchDeletePartition(JsonNode body) {
        String db = body.path("DatabaseName").asText();
        String table = body.path("TableName").asText();
        catalog.requireTable(db, table);
        ObjectNode out = GlueJson.object();
        ArrayNode errors = out.putArray("Errors");
        for (JsonNode key : body.path("PartitionsToDelete")) {
            try {
                catalog.deletePartition(db, table, values(key.path("Values")));
            } catch (AwsException e) {
                partitionError(errors, key.path("Values"), e);
            }
        }
        return out;
    }

    private static void partitionError(ArrayNode errors, JsonNode values, AwsException e) {
        ObjectNode error = errors.addObject();
        error.set("PartitionValues", values);
        error.putObject("ErrorDetail").put("ErrorCode", e.code()).put("ErrorMessage", e.getMessage());
    }

    /**
     * The model leaves TableInput optional in CreateTable and UpdateTable and admits a blank name: refusing
     * either is Glue's own check. A TableInput without a name never gets here (the model requires it).
     */
    private static Table tableInput(JsonNode body) {
        JsonNode input = body.path("TableInput");
        if (!input.isObject() || input.path("Name").asText("").isBlank()) {
            throw GlueErrors.invalidInput("Table name is required.");
        }
        return GlueJson.read(input, Table.class);
    }

    private static JsonNode tableJson(Table table) {
        ObjectNode node = (ObjectNode) GlueJson.tree(table);
        node.put("IsRegisteredWithLakeFormation", false);
        return node;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
