package io.labrunner.emulator.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CREATE TABLE AS SELECT and INSERT INTO: runs the query on DuckDB, writes its rows as objects
 * under the table's location (Hive {@code key=value/} folders for partitions) and registers the
 * table and its partitions in the catalog
 * (https://docs.aws.amazon.com/athena/latest/ug/create-table-as.html).
 */
final class TableWriter {
    /** Athena's write_compression values for Parquet (GZIP, LZ4, SNAPPY, ZSTD, NONE) as DuckDB names them. */
    private static final Set<String> PARQUET_CODECS = Set.of("gzip", "lz4", "snappy", "zstd", "uncompressed");

    private final TableCatalog catalog;
    private final BlobLocations blobs;
    private final SelectExecutor selects;
    private final TableRelations relations;
    private final PartitionDiscovery discovery;

    TableWriter(TableCatalog catalog, BlobLocations blobs, SelectExecutor selects, TableRelations relations) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.selects = selects;
        this.relations = relations;
        this.discovery = new PartitionDiscovery(blobs);
    }

    private record OutputColumn(String name, String duckType) {
    }

    /** Parses from just after {@code CREATE TABLE}. */
    QueryResult createTableAs(TokenCursor c, String sql, QueryContext context) {
        SqlToken start = c.peek();
        boolean ifNotExists = c.acceptWord("if", "not", "exists");
        List<String> name = HiveDdlParser.qualifiedName(c);
        String db = name.size() > 1 ? name.get(0) : context.database();
        String tableName = name.get(name.size() - 1);
        Map<String, Object> props = c.acceptWord("with") ? withProperties(c) : Map.of();
        c.expectWord("as");
        String query = c.rest(sql);
        boolean withData = true;
        String upper = query.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(";$", "").trim();
        if (upper.endsWith("WITH NO DATA")) {
            withData = false;
            query = query.substring(0, query.toUpperCase(Locale.ROOT).lastIndexOf("WITH"));
        } else if (upper.endsWith("WITH DATA")) {
            query = query.substring(0, query.toUpperCase(Locale.ROOT).lastIndexOf("WITH"));
        }
        query = stripSemicolon(query);

        if (!catalog.databaseExists(db)) {
            throw new AthenaQueryException("SCHEMA_NOT_FOUND", start.position() + ": Schema '" + db + "' does not exist");
        }
        if (catalog.table(db, tableName).isPresent()) {
            if (ifNotExists) {
                return QueryResult.ddl("CREATE_TABLE_AS_SELECT");
            }
            throw new AthenaQueryException("TABLE_ALREADY_EXISTS", start.position() + ": Table 'awsdatacatalog." + db
                    + "." + tableName + "' already exists");
        }
        String tableType = string(props, "table_type", "HIVE");
        if (!tableType.equalsIgnoreCase("HIVE")) {
            throw new AthenaQueryException("NOT_SUPPORTED", "The emulator creates only Hive tables, not " + tableType);
        }
        String format = string(props, "format", "PARQUET").toUpperCase(Locale.ROOT);
        String location = string(props, "external_location", null);
        if (location == null) {
            if (context.outputLocation() == null) {
                throw new AthenaQueryException("INVALID_INPUT", "CTAS needs external_location or a query result location");
            }
            String out = context.outputLocation().endsWith("/") ? context.outputLocation() : context.outputLocation() + "/";
            location = out + "tables/" + context.queryId() + "/";
        }
        if (!location.endsWith("/")) {
            location = location + "/";
        }
        if (!blobs.dataFiles(location).isEmpty()) {
            throw new AthenaQueryException("HIVE_PATH_ALREADY_EXISTS", "Target directory for table '" + db + "."
                    + tableName + "' already exists: " + location
                    + ". You may need to manually clean the data at location before retrying.");
        }
        List<String> partitionedBy = strings(props.get("partitioned_by"));

        try (DuckSession session = new DuckSession(catalog, relations, context.database())) {
            SelectExecutor.Prepared prepared = selects.prepare(session, query, context);
            try {
                List<OutputColumn> output = describe(session, prepared.rewritten().sql());
                List<Column> columns = new ArrayList<>();
                List<Column> keys = new ArrayList<>();
                int firstKey = output.size() - partitionedBy.size();
                for (int i = 0; i < output.size(); i++) {
                    OutputColumn o = output.get(i);
                    Column col = new Column(o.name(), HiveTypes.toHive(o.duckType()));
                    if (i >= firstKey) {
                        if (!o.name().equals(partitionedBy.get(i - firstKey).toLowerCase(Locale.ROOT))) {
                            throw new AthenaQueryException("HIVE_COLUMN_ORDER_MISMATCH", "Partition keys must be the last "
                                    + "columns in the table and in the same order as the table properties: " + partitionedBy);
                        }
                        keys.add(col);
                    } else {
                        columns.add(col);
                    }
                }
                TableDef table = tableDef(db, tableName, columns, keys, location, format, props);
                long rows = 0;
                if (withData) {
                    rows = write(session, table, selectList(output) + " FROM (" + prepared.rewritten().sql() + ") AS q",
                            context.queryId());
                }
                catalog.createTable(table);
                registerPartitions(table);
                return new QueryResult("DDL", "CREATE_TABLE_AS_SELECT", List.of(), List.of(),
                        prepared.scannedBytes(), rows);
            } catch (SQLException e) {
                throw prepared.errors().translate(e);
            }
        }
    }

    /**
     * {@code UNLOAD (SELECT ..) TO 's3://..' WITH (format = .., partitioned_by = ARRAY[..])}: writes
     * the rows like CTAS but registers nothing; the target must be empty unless partitioned
     * (https://docs.aws.amazon.com/athena/latest/ug/unload.html). Parses from just after {@code UNLOAD}.
     */
    QueryResult unload(TokenCursor c, String sql, QueryContext context) {
        SqlToken open = c.peek();
        c.expectSymbol("(");
        int depth = 1;
        while (depth > 0) {
            SqlToken t = c.next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
        SqlToken close = c.peek(-1);
        String query = sql.substring(open.offset() + 1, close.offset());
        c.expectWord("to");
        String location = c.string();
        if (!location.endsWith("/")) {
            location = location + "/";
        }
        Map<String, Object> props = c.acceptWord("with") ? withProperties(c) : Map.of();
        List<String> partitionedBy = strings(props.get("partitioned_by"));
        if (partitionedBy.isEmpty() && !blobs.dataFiles(location).isEmpty()) {
            throw new AthenaQueryException("HIVE_PATH_ALREADY_EXISTS", "Target directory for UNLOAD already exists: "
                    + location + ". You may need to manually clean the data at location before retrying.");
        }
        String format = string(props, "format", "PARQUET").toUpperCase(Locale.ROOT);
        try (DuckSession session = new DuckSession(catalog, relations, context.database())) {
            SelectExecutor.Prepared prepared = selects.prepare(session, query, context);
            try {
                List<OutputColumn> output = describe(session, prepared.rewritten().sql());
                List<Column> columns = new ArrayList<>();
                List<Column> keys = new ArrayList<>();
                for (OutputColumn o : output) {
                    Column col = new Column(o.name(), HiveTypes.toHive(o.duckType()));
                    (partitionedBy.contains(o.name()) ? keys : columns).add(col);
                }
                TableDef target = tableDef(context.database(), "unload", columns, keys, location, format, props);
                long rows = write(session, target, selectList(output) + " FROM (" + prepared.rewritten().sql() + ") AS q",
                        context.queryId());
                return new QueryResult("DML", "UNLOAD", List.of(), List.of(), prepared.scannedBytes(), rows);
            } catch (SQLException e) {
                throw prepared.errors().translate(e);
            }
        }
    }

    /** Parses from just after {@code INSERT INTO}. */
    QueryResult insertInto(TokenCursor c, String sql, QueryContext context) {
        SqlToken start = c.peek();
        List<String> name = HiveDdlParser.qualifiedName(c);
        String db = name.size() > 1 ? name.get(0) : context.database();
        TableDef table = catalog.table(db, name.get(name.size() - 1)).orElseThrow(() -> new AthenaQueryException(
                "TABLE_NOT_FOUND", start.position() + ": Table 'awsdatacatalog." + db + "." + name.get(name.size() - 1)
                + "' does not exist"));
        List<String> targetColumns = null;
        if (c.peek() != null && c.peek().isSymbol("(") && c.peek(1) != null && c.peek(1).identifier()
                && !c.peek(1).isWord("select") && !c.peek(1).isWord("with")) {
            c.expectSymbol("(");
            targetColumns = new ArrayList<>();
            do {
                targetColumns.add(c.identifier());
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
        }
        String query = stripSemicolon(c.rest(sql));
        if (table.formatKind() == HiveFormats.Kind.UNSUPPORTED) {
            throw new AthenaQueryException("NOT_SUPPORTED", "The emulator cannot write tables with SerDe " + table.serdeLibrary());
        }
        try (DuckSession session = new DuckSession(catalog, relations, context.database())) {
            SelectExecutor.Prepared prepared = selects.prepare(session, query, context);
            try {
                List<OutputColumn> output = describe(session, prepared.rewritten().sql());
                List<Column> all = table.allColumns();
                List<String> names = targetColumns == null ? new ArrayList<>() : targetColumns;
                if (targetColumns == null) {
                    all.forEach(col -> names.add(col.name()));
                }
                if (output.size() != names.size()) {
                    throw new AthenaQueryException("TYPE_MISMATCH", start.position() + ": Insert query has "
                            + output.size() + " columns, the target has " + names.size());
                }
                List<String> aliases = new ArrayList<>();
                for (int i = 0; i < output.size(); i++) {
                    aliases.add(TableRelations.ident("c" + i));
                }
                List<String> select = new ArrayList<>();
                for (Column col : all) {
                    int idx = names.indexOf(col.name());
                    String value = idx < 0 ? "NULL" : TableRelations.ident("c" + idx);
                    select.add("CAST(" + value + " AS " + HiveTypes.toDuckDb(col.type()) + ") AS " + TableRelations.ident(col.name()));
                }
                long rows = write(session, table, "SELECT " + String.join(", ", select) + " FROM ("
                        + prepared.rewritten().sql() + ") AS q(" + String.join(", ", aliases) + ")", context.queryId());
                registerPartitions(table);
                return new QueryResult("DML", "INSERT", List.of(), List.of(), prepared.scannedBytes(), rows);
            } catch (SQLException e) {
                throw prepared.errors().translate(e);
            }
        }
    }

    private void registerPartitions(TableDef table) {
        if (!table.partitioned()) {
            return;
        }
        Set<List<String>> known = new HashSet<>();
        for (PartitionDef p : catalog.partitions(table.database(), table.name())) {
            known.add(p.values());
        }
        for (PartitionDef p : discovery.discover(table)) {
            if (known.add(p.values())) {
                catalog.addPartition(table.database(), table.name(), p);
            }
        }
    }

    /** Writes the rows of {@code select} in the table's format; returns how many. */
    private long write(DuckSession session, TableDef table, String select, String queryId) throws SQLException {
        Path dir = blobs.path(table.location());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = (queryId == null ? UUID.randomUUID().toString() : queryId);
        String options = copyOptions(table);
        String copy;
        if (table.partitioned()) {
            List<String> keys = new ArrayList<>();
            table.partitionKeys().forEach(k -> keys.add(TableRelations.ident(k.name())));
            copy = "COPY (" + select + ") TO " + TableRelations.literal(dir.toString()) + " (" + options
                    + ", PARTITION_BY (" + String.join(", ", keys) + "), APPEND, FILENAME_PATTERN "
                    + TableRelations.literal(prefix + "_{uuid}") + ")";
        } else {
            Path file = dir.resolve(prefix + "_" + UUID.randomUUID() + extension(table));
            copy = "COPY (" + select + ") TO " + TableRelations.literal(file.toString()) + " (" + options + ")";
        }
        try (Statement st = session.connection().createStatement()) {
            return st.executeUpdate(copy);
        }
    }

    private static String copyOptions(TableDef table) {
        switch (table.formatKind()) {
            case PARQUET:
                String codec = table.tableParameters().getOrDefault("parquet.compression", "SNAPPY").toLowerCase(Locale.ROOT);
                codec = codec.equals("none") ? "uncompressed" : codec;
                // The codec comes from the catalog, which the Glue API lets anyone write: a known name only.
                if (!PARQUET_CODECS.contains(codec)) {
                    throw new AthenaQueryException("NOT_SUPPORTED", "Unsupported Parquet compression: "
                            + table.tableParameters().get("parquet.compression"));
                }
                return "FORMAT parquet, COMPRESSION " + TableRelations.literal(codec);
            case JSON:
                return "FORMAT json";
            default:
                String delim = table.serdeParameters().getOrDefault("field.delim", "\u0001");
                return "FORMAT csv, HEADER false, DELIMITER " + TableRelations.literal(delim) + ", NULLSTR '\\N'";
        }
    }

    private static String extension(TableDef table) {
        switch (table.formatKind()) {
            case PARQUET: return ".parquet";
            case JSON: return ".json";
            default: return ".csv";
        }
    }

    private static TableDef tableDef(String db, String name, List<Column> columns, List<Column> keys, String location,
                                     String format, Map<String, Object> props) {
        Map<String, String> serdeParameters = new LinkedHashMap<>();
        Map<String, String> tableParameters = new LinkedHashMap<>();
        tableParameters.put("EXTERNAL", "TRUE");
        String compression = string(props, "write_compression", null);
        switch (format) {
            case "PARQUET":
                serdeParameters.put("serialization.format", "1");
                tableParameters.put("parquet.compression", compression == null ? "SNAPPY" : compression.toUpperCase(Locale.ROOT));
                return new TableDef(db, name, columns, keys, location, HiveFormats.PARQUET_INPUT, HiveFormats.PARQUET_OUTPUT,
                        HiveFormats.PARQUET_SERDE, serdeParameters, tableParameters);
            case "JSON":
                return new TableDef(db, name, columns, keys, location, HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT,
                        HiveFormats.HIVE_JSON_SERDE, serdeParameters, tableParameters);
            case "TEXTFILE":
                String delim = HiveDdlParser.unescape(string(props, "field_delimiter", "\u0001"));
                serdeParameters.put("field.delim", delim);
                serdeParameters.put("serialization.format", delim);
                return new TableDef(db, name, columns, keys, location, HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT,
                        HiveFormats.LAZY_SIMPLE_SERDE, serdeParameters, tableParameters);
            default:
                throw new AthenaQueryException("NOT_SUPPORTED", "The emulator writes PARQUET, TEXTFILE and JSON, not " + format);
        }
    }

    private static List<OutputColumn> describe(DuckSession session, String select) throws SQLException {
        List<OutputColumn> out = new ArrayList<>();
        try (Statement st = session.connection().createStatement(); ResultSet rs = st.executeQuery("DESCRIBE " + select)) {
            while (rs.next()) {
                out.add(new OutputColumn(rs.getString("column_name").toLowerCase(Locale.ROOT), rs.getString("column_type")));
            }
        }
        return out;
    }

    /** SELECT of the query's columns under their lower-case names, 128-bit integers narrowed to bigint. */
    private static String selectList(List<OutputColumn> output) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
            OutputColumn o = output.get(i);
            String ref = "q." + TableRelations.ident(o.name());
            String value = o.duckType().equals("HUGEINT") ? "CAST(" + ref + " AS BIGINT)" : ref;
            items.add(value + " AS " + TableRelations.ident(o.name()));
        }
        return "SELECT " + String.join(", ", items);
    }

    /** {@code (k = 'v', k2 = ARRAY['a','b'], k3 = 3)}. */
    private static Map<String, Object> withProperties(TokenCursor c) {
        Map<String, Object> props = new LinkedHashMap<>();
        c.expectSymbol("(");
        do {
            String key = c.identifier();
            c.expectSymbol("=");
            if (c.acceptWord("array")) {
                c.expectSymbol("[");
                List<String> values = new ArrayList<>();
                if (!c.acceptSymbol("]")) {
                    do {
                        values.add(c.string());
                    } while (c.acceptSymbol(","));
                    c.expectSymbol("]");
                }
                props.put(key, values);
            } else {
                SqlToken v = c.next();
                props.put(key, v.kind() == SqlToken.Kind.STRING ? v.stringValue() : v.text());
            }
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return props;
    }

    private static String string(Map<String, Object> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null ? fallback : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return v == null ? List.of() : (List<String>) v;
    }

    private static String stripSemicolon(String s) {
        String t = s.trim();
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        return t;
    }
}
