package io.labrunner.emulator.athena;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Hive DDL and SHOW/DESCRIBE statements that only read or change the catalog: databases,
 * external tables, partitions. Failures read like the Hive DDL errors Athena reports.
 */
final class CatalogStatements {
    private final TableCatalog catalog;
    private final BlobLocations blobs;
    private final PartitionDiscovery discovery;

    CatalogStatements(TableCatalog catalog, BlobLocations blobs) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.discovery = new PartitionDiscovery(blobs);
    }

    QueryResult createDatabase(TokenCursor c) {
        boolean ifNotExists = c.acceptWord("if", "not", "exists");
        String db = c.identifier();
        if (catalog.databaseExists(db) && !ifNotExists) {
            throw new AthenaQueryException("FAILED", "AlreadyExistsException Database " + db + " already exists");
        }
        catalog.createDatabase(db);
        return QueryResult.ddl("CREATE_DATABASE");
    }

    QueryResult dropDatabase(TokenCursor c) {
        boolean ifExists = c.acceptWord("if", "exists");
        String db = c.identifier();
        boolean cascade = c.acceptWord("cascade");
        if (!catalog.databaseExists(db)) {
            if (ifExists) {
                return QueryResult.ddl("DROP_DATABASE");
            }
            throw new AthenaQueryException("FAILED", "SemanticException [Error 10072]: Database does not exist: " + db);
        }
        if (!cascade && !catalog.tables(db).isEmpty()) {
            throw new AthenaQueryException("FAILED", "InvalidOperationException Database " + db
                    + " is not empty. One or more tables exist.");
        }
        catalog.dropDatabase(db);
        return QueryResult.ddl("DROP_DATABASE");
    }

    QueryResult createExternalTable(TokenCursor c, QueryContext context) {
        HiveDdlParser.CreateTable create = HiveDdlParser.createExternalTable(c, context.database());
        TableDef table = create.table();
        if (!catalog.databaseExists(table.database())) {
            throw new AthenaQueryException("FAILED", "SemanticException [Error 10072]: Database does not exist: "
                    + table.database());
        }
        if (catalog.table(table.database(), table.name()).isPresent()) {
            if (create.ifNotExists()) {
                return QueryResult.ddl("CREATE_TABLE");
            }
            throw new AthenaQueryException("FAILED", "AlreadyExistsException Table " + table.name() + " already exists");
        }
        catalog.createTable(table);
        return QueryResult.ddl("CREATE_TABLE");
    }

    QueryResult dropTable(TokenCursor c, QueryContext context) {
        boolean ifExists = c.acceptWord("if", "exists");
        List<String> name = HiveDdlParser.qualifiedName(c);
        String db = name.size() > 1 ? name.get(0) : context.database();
        String table = name.get(name.size() - 1);
        if (catalog.table(db, table).isEmpty()) {
            if (ifExists) {
                return QueryResult.ddl("DROP_TABLE");
            }
            throw new AthenaQueryException("FAILED", "SemanticException [Error 10001]: Table not found " + db + "." + table);
        }
        catalog.dropTable(db, table); // external: the objects stay
        return QueryResult.ddl("DROP_TABLE");
    }

    QueryResult showTables(TokenCursor c, QueryContext context) {
        String db = c.acceptWord("in") || c.acceptWord("from") ? c.identifier() : context.database();
        String pattern = c.atEnd() ? null : c.string();
        requireDatabase(db);
        List<List<String>> rows = new ArrayList<>();
        for (String t : catalog.tables(db)) {
            if (pattern == null || matchesHivePattern(t, pattern)) {
                rows.add(List.of(t));
            }
        }
        return utility("SHOW_TABLES", "tab_name", rows);
    }

    QueryResult showDatabases(TokenCursor c) {
        String pattern = c.acceptWord("like") || !c.atEnd() ? c.string() : null;
        List<List<String>> rows = new ArrayList<>();
        for (String db : catalog.databases()) {
            if (pattern == null || matchesHivePattern(db, pattern)) {
                rows.add(List.of(db));
            }
        }
        return utility("SHOW_DATABASES", "database_name", rows);
    }

    QueryResult showPartitions(TokenCursor c, QueryContext context) {
        TableDef table = table(c, context);
        List<List<String>> rows = new ArrayList<>();
        for (PartitionDef p : catalog.partitions(table.database(), table.name())) {
            rows.add(List.of(PartitionDiscovery.partitionName(table, p.values())));
        }
        return utility("SHOW_PARTITIONS", "partition", rows);
    }

    QueryResult showColumns(TokenCursor c, QueryContext context) {
        if (!c.acceptWord("in")) {
            c.expectWord("from");
        }
        TableDef table = table(c, context);
        List<List<String>> rows = new ArrayList<>();
        for (Column col : table.allColumns()) {
            rows.add(List.of(col.name()));
        }
        return utility("SHOW_COLUMNS", "field", rows);
    }

    /** Hive's DESCRIBE layout: name, type and comment in tab-separated, padded cells. */
    QueryResult describe(TokenCursor c, QueryContext context) {
        c.acceptWord("formatted");
        c.acceptWord("extended");
        TableDef table = table(c, context);
        List<List<String>> rows = new ArrayList<>();
        for (Column col : table.allColumns()) {
            rows.add(List.of(describeLine(col.name(), col.type(), col.comment())));
        }
        if (table.partitioned()) {
            rows.add(List.of(""));
            rows.add(List.of("# Partition Information"));
            rows.add(List.of(describeLine("# col_name", "data_type", "comment")));
            rows.add(List.of(""));
            for (Column col : table.partitionKeys()) {
                rows.add(List.of(describeLine(col.name(), col.type(), col.comment())));
            }
        }
        return utility("DESCRIBE_TABLE", "col_name", rows);
    }

    private static String describeLine(String name, String type, String comment) {
        return String.format("%-20s\t%-20s\t%-20s", name, type, comment == null ? "" : comment).stripTrailing();
    }

    /** MSCK REPAIR TABLE: registers every key=value folder that is not yet a partition. */
    QueryResult repairTable(TokenCursor c, QueryContext context) {
        TableDef table = table(c, context);
        if (!table.partitioned()) {
            return QueryResult.ddl("MSCK_REPAIR_TABLE");
        }
        Set<List<String>> known = new HashSet<>();
        for (PartitionDef p : catalog.partitions(table.database(), table.name())) {
            known.add(p.values());
        }
        List<String> added = new ArrayList<>();
        for (PartitionDef p : discovery.discover(table)) {
            if (known.add(p.values())) {
                catalog.addPartition(table.database(), table.name(), p);
                added.add(table.name() + ":" + PartitionDiscovery.partitionName(table, p.values()));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        if (!added.isEmpty()) {
            rows.add(List.of("Partitions not in metastore:\t" + String.join("\t", added)));
            for (String a : added) {
                rows.add(List.of("Repair: Added partition to metastore " + a));
            }
        }
        return new QueryResult("DDL", "MSCK_REPAIR_TABLE", rows.isEmpty() ? List.of()
                : List.of(ResultColumn.varchar("result")), rows, 0, 0);
    }

    /** ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (..) [LOCATION '..'] ... and DROP [IF EXISTS] PARTITION (..), .. */
    QueryResult alterTable(TokenCursor c, QueryContext context) {
        TableDef table = table(c, context);
        if (c.acceptWord("add")) {
            boolean ifNotExists = c.acceptWord("if", "not", "exists");
            Set<List<String>> known = new HashSet<>();
            for (PartitionDef p : catalog.partitions(table.database(), table.name())) {
                known.add(p.values());
            }
            List<PartitionDef> toAdd = new ArrayList<>();
            while (c.acceptWord("partition")) {
                List<String> values = HiveDdlParser.partitionSpec(c, table);
                String location = c.acceptWord("location") ? c.string()
                        : table.location() + PartitionDiscovery.partitionName(table, values);
                if (!location.endsWith("/")) {
                    location = location + "/";
                }
                blobs.path(location);
                if (known.contains(values)) {
                    if (!ifNotExists) {
                        throw new AthenaQueryException("FAILED", "AlreadyExistsException Partition already exists: "
                                + PartitionDiscovery.partitionName(table, values));
                    }
                    continue;
                }
                toAdd.add(new PartitionDef(values, location));
            }
            if (toAdd.isEmpty() && !ifNotExists) {
                throw c.syntaxError("'PARTITION'");
            }
            toAdd.forEach(p -> catalog.addPartition(table.database(), table.name(), p));
            return QueryResult.ddl("ALTER_TABLE_ADD_PARTITION");
        }
        if (c.acceptWord("drop")) {
            boolean ifExists = c.acceptWord("if", "exists");
            do {
                c.expectWord("partition");
                List<String> values = HiveDdlParser.partitionSpec(c, table);
                boolean exists = catalog.partitions(table.database(), table.name()).stream()
                        .anyMatch(p -> p.values().equals(values));
                if (!exists && !ifExists) {
                    throw new AthenaQueryException("FAILED", "SemanticException [Error 10006]: Partition not found "
                            + PartitionDiscovery.partitionName(table, values));
                }
                catalog.dropPartition(table.database(), table.name(), values);
            } while (c.acceptSymbol(","));
            return QueryResult.ddl("ALTER_TABLE_DROP_PARTITION");
        }
        throw c.syntaxError("'ADD', 'DROP'");
    }

    private TableDef table(TokenCursor c, QueryContext context) {
        SqlToken at = c.peek();
        List<String> name = HiveDdlParser.qualifiedName(c);
        String db = name.size() > 1 ? name.get(0) : context.database();
        String table = name.get(name.size() - 1);
        return catalog.table(db, table).orElseThrow(() -> new AthenaQueryException("TABLE_NOT_FOUND",
                at.position() + ": Table 'awsdatacatalog." + db + "." + table + "' does not exist"));
    }

    private void requireDatabase(String db) {
        if (!catalog.databaseExists(db)) {
            throw new AthenaQueryException("SCHEMA_NOT_FOUND", "Schema '" + db + "' does not exist");
        }
    }

    private static QueryResult utility(String substatement, String column, List<List<String>> rows) {
        return new QueryResult("UTILITY", substatement, List.of(ResultColumn.varchar(column)), rows, 0, 0);
    }

    /** Hive SHOW patterns: {@code *} is any run of characters, {@code |} separates alternatives. */
    static boolean matchesHivePattern(String name, String pattern) {
        for (String alternative : pattern.toLowerCase(Locale.ROOT).split("\\|")) {
            String regex = ("\\Q" + alternative.trim() + "\\E").replace("*", "\\E.*\\Q");
            if (name.toLowerCase(Locale.ROOT).matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
