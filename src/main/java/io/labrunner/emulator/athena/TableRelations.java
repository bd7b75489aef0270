package io.labrunner.emulator.athena;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the DuckDB query that reads a catalog table from its objects: one reader call over the
 * files of each registered partition (or of the whole location when unpartitioned), with the
 * partition values added as constant columns, so only registered partitions are visible — as in
 * Athena. Text formats are read as strings and cast leniently, as Hive's SerDes do.
 */
final class TableRelations {
    private final BlobLocations blobs;

    TableRelations(BlobLocations blobs) {
        this.blobs = blobs;
    }

    /** The folder every object a table can read lies under. */
    Path blobRoot() {
        return blobs.root();
    }

    /** The files a table's query reads, per partition (one group when unpartitioned). */
    record FileGroup(PartitionDef partition, List<Path> files) {
    }

    List<FileGroup> fileGroups(TableDef table, List<PartitionDef> partitions) {
        List<FileGroup> groups = new ArrayList<>();
        if (!table.partitioned()) {
            groups.add(new FileGroup(null, blobs.dataFiles(table.location())));
        } else {
            for (PartitionDef p : partitions) {
                groups.add(new FileGroup(p, blobs.dataFiles(p.location())));
            }
        }
        return groups;
    }

    /** A SELECT returning the table's columns (data columns, then partition keys) over the given partitions. */
    String relation(Connection connection, TableDef table, List<PartitionDef> partitions) throws SQLException {
        HiveFormats.Kind kind = table.formatKind();
        if (kind == HiveFormats.Kind.UNSUPPORTED) {
            throw new AthenaQueryException("NOT_SUPPORTED", "The emulator cannot read tables with SerDe "
                    + table.serdeLibrary() + " (table " + table.database() + "." + table.name() + ")");
        }
        List<String> branches = new ArrayList<>();
        for (FileGroup group : fileGroups(table, partitions)) {
            if (group.files().isEmpty()) {
                continue;
            }
            List<String> select = new ArrayList<>(dataColumns(connection, table, kind, group.files()));
            for (int k = 0; k < table.partitionKeys().size(); k++) {
                Column key = table.partitionKeys().get(k);
                select.add("TRY_CAST(" + literal(group.partition().values().get(k)) + " AS "
                        + HiveTypes.toDuckDb(key.type()) + ") AS " + ident(key.name()));
            }
            Map<String, String> keys = kind == HiveFormats.Kind.JSON ? jsonKeys(connection, group.files()) : Map.of();
            branches.add("SELECT " + String.join(", ", select) + " FROM " + reader(table, kind, group.files(), keys));
        }
        if (branches.isEmpty()) {
            List<String> select = new ArrayList<>();
            for (Column c : table.allColumns()) {
                select.add("CAST(NULL AS " + HiveTypes.toDuckDb(c.type()) + ") AS " + ident(c.name()));
            }
            return "SELECT " + String.join(", ", select) + " WHERE false";
        }
        return String.join("\nUNION ALL\n", branches);
    }

    private List<String> dataColumns(Connection connection, TableDef table, HiveFormats.Kind kind, List<Path> files)
            throws SQLException {
        List<String> select = new ArrayList<>();
        Set<String> present = kind == HiveFormats.Kind.PARQUET ? parquetColumns(connection, files) : null;
        for (Column c : table.columns()) {
            String duckType = HiveTypes.toDuckDb(c.type());
            if (present != null && !present.contains(c.name().toLowerCase(Locale.ROOT))) {
                select.add("CAST(NULL AS " + duckType + ") AS " + ident(c.name()));
            } else if (kind == HiveFormats.Kind.PARQUET || (kind == HiveFormats.Kind.JSON && complex(c.type()))) {
                select.add("CAST(" + ident(c.name()) + " AS " + duckType + ") AS " + ident(c.name()));
            } else if (duckType.equals("VARCHAR")) {
                select.add(ident(c.name()));
            } else {
                // Not a bare column: DuckDB would push a plain cast into the reader, where it is strict.
                select.add("TRY_CAST(nullif(" + ident(c.name()) + ", '') AS " + duckType + ") AS " + ident(c.name()));
            }
        }
        return select;
    }

    private static Set<String> parquetColumns(Connection connection, List<Path> files) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + fileList(files) + ", union_by_name=true)")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * The keys of JSON objects by lower-case name. The OpenX and Hive JSON SerDes match keys to
     * columns ignoring case ({@code userId} fills column {@code userid}); DuckDB's reader does not,
     * so the reader is given the keys as spelled in the data.
     */
    private static Map<String, String> jsonKeys(Connection connection, List<Path> files) {
        Map<String, String> keys = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_json(" + fileList(files)
                     + ", format='newline_delimited', ignore_errors=true)")) {
            while (rs.next()) {
                keys.putIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(1));
            }
        } catch (SQLException e) {
            return Map.of(); // unreadable sample: fall back to the catalog's spelling
        }
        return keys;
    }

    private String reader(TableDef table, HiveFormats.Kind kind, List<Path> files, Map<String, String> jsonKeys) {
        String list = fileList(files);
        switch (kind) {
            case PARQUET:
                return "read_parquet(" + list + ", union_by_name=true)";
            case JSON:
                return "read_json(" + list + ", format='newline_delimited', ignore_errors=true, columns="
                        + columnStruct(table, true, jsonKeys) + ")";
            default:
                return "read_csv(" + list + ", " + csvOptions(table) + ", columns=" + columnStruct(table, false, Map.of()) + ")";
        }
    }

    private static String csvOptions(TableDef table) {
        boolean openCsv = table.serdeLibrary() != null && table.serdeLibrary().contains("OpenCSVSerde");
        String delimiter = table.serdeParameters().getOrDefault(openCsv ? "separatorChar" : "field.delim",
                table.serdeParameters().getOrDefault("separatorChar", openCsv ? "," : "\u0001"));
        int skip = 0;
        String header = table.tableParameters().get("skip.header.line.count");
        if (header != null) {
            skip = Integer.parseInt(header.trim());
        }
        StringBuilder options = new StringBuilder("auto_detect=false, header=false, null_padding=true, strict_mode=false")
                .append(", skip=").append(skip)
                .append(", delim=").append(literal(firstChar(delimiter)));
        if (openCsv) {
            options.append(", quote=").append(literal(firstChar(table.serdeParameters().getOrDefault("quoteChar", "\""))))
                    .append(", escape=").append(literal(firstChar(table.serdeParameters().getOrDefault("escapeChar", "\\"))));
        } else {
            // LazySimpleSerDe splits on the delimiter only: quotes are data, \N is NULL. With no quotes a
            // newline always ends a row, so DuckDB may split the file between threads even though
            // null_padding would otherwise make it read on one thread (2x slower on two cores).
            options.append(", quote='', escape='', nullstr='\\N', parallel=true");
        }
        return options.toString();
    }

    /** OpenCSVSerde uses the first character of its quote, escape and separator settings. */
    private static String firstChar(String s) {
        return s.isEmpty() ? s : s.substring(0, 1);
    }

    private static String columnStruct(TableDef table, boolean json, Map<String, String> keys) {
        List<String> entries = new ArrayList<>();
        for (Column c : table.columns()) {
            String type = json && complex(c.type()) ? HiveTypes.toDuckDb(c.type()) : "VARCHAR";
            String key = keys.getOrDefault(c.name().toLowerCase(Locale.ROOT), c.name());
            entries.add(literal(key) + ": " + literal(type));
        }
        return "{" + String.join(", ", entries) + "}";
    }

    private static boolean complex(String hiveType) {
        String t = hiveType.toLowerCase(Locale.ROOT);
        return t.startsWith("array") || t.startsWith("struct") || t.startsWith("map");
    }

    static String fileList(List<Path> files) {
        List<String> quoted = new ArrayList<>();
        for (Path f : files) {
            quoted.add(literal(f.toString()));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
