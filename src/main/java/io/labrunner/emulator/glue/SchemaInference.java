package io.labrunner.emulator.glue;

import io.labrunner.emulator.ConfinedDuckDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Glue's built-in classifiers, on DuckDB: classifies one file as CSV, JSON, Parquet or Avro and infers
 * its columns as Hive types. One instance holds one in-memory DuckDB connection; close it after a crawl.
 */
final class SchemaInference implements AutoCloseable {
    private final Connection duck;

    /** @param blobRoot the only folder the classifiers may read */
    SchemaInference(Path blobRoot) {
        try {
            duck = ConfinedDuckDb.open(List.of(blobRoot));
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not start: " + e.getMessage(), e);
        }
    }

    /** The file's schema, or empty when no classifier recognises it (Glue then skips the file). */
    Optional<FileSchema> infer(Path file) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                return Optional.empty();
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String compression = name.endsWith(".gz") ? "gzip" : "none";
            String format = format(file, name.replaceAll("\\.gz$", ""));
            switch (format) {
                case "parquet": return Optional.of(parquet(file, size));
                case "avro": return Optional.of(avro(file, size));
                case "json": return json(file, size, compression);
                case "csv": return csv(file, size, compression);
                default: return Optional.empty();
            }
        } catch (IOException | SQLException | RuntimeException e) {
            // A file the classifiers cannot read is left out of the crawl, as Glue's are.
            return Optional.empty();
        }
    }

    private static String format(Path file, String name) throws IOException {
        if (name.endsWith(".parquet")) {
            return "parquet";
        }
        if (name.endsWith(".avro")) {
            return "avro";
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return "json";
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".psv")) {
            return "csv";
        }
        if (file.getFileName().toString().endsWith(".gz")) {
            return "csv";
        }
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        String magic = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (magic.equals("PAR1")) {
            return "parquet";
        }
        if (magic.startsWith("Obj")) {
            return "avro";
        }
        return magic.trim().startsWith("{") || magic.trim().startsWith("[") ? "json" : "csv";
    }

    private Optional<FileSchema> csv(Path file, long size, String compression) throws SQLException {
        String path = literal(file);
        String delimiter;
        boolean header;
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT Delimiter, HasHeader FROM sniff_csv(" + path + ")")) {
            rs.next();
            delimiter = rs.getString(1);
            header = rs.getBoolean(2);
        }
        List<String[]> described = describe(csvSource(path, header));
        // Glue's built-in CSV classifier needs two columns, and takes the first row as a header only when
        // some column below it parses as other than STRING: an all-string file gets col0, col1, ...
        // https://docs.aws.amazon.com/glue/latest/dg/add-classifier.html#classifier-builtin-rules
        if (described.size() < 2) {
            return Optional.empty();
        }
        if (header && described.stream().allMatch(c -> c[1].equals("VARCHAR"))) {
            header = false;
            described = describe(csvSource(path, false));
        }
        String source = csvSource(path, header);
        long rows = count(source);
        // Glue's CSV classifier needs data rows to decide on a schema: a lone line makes no table
        // (localstack's crawler test: "1, 2, 3, 4" alone creates no table).
        if (rows < (header ? 1 : 2)) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        int i = 0;
        for (String[] col : described) {
            String colName = header ? col[0].trim().toLowerCase(Locale.ROOT) : "col" + i;
            columns.add(Column.of(colName, HiveTypes.csvType(col[1])));
            i++;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("delimiter", delimiter);
        params.put("header", Boolean.toString(header));
        return Optional.of(new FileSchema("csv", columns, rows, size, compression, params));
    }

    private static String csvSource(String path, boolean header) {
        return "read_csv(" + path + ", auto_detect=true, header=" + header + ", hive_partitioning=false)";
    }

    private Optional<FileSchema> json(Path file, long size, String compression) throws SQLException {
        String source = "read_json_auto(" + literal(file) + ", hive_partitioning=false)";
        long rows = count(source);
        if (rows == 0) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        for (String[] col : describe(source)) {
            String type = HiveTypes.jsonType(col[1]);
            if (type.equals("bigint") && fitsInt(source, col[0])) {
                // Glue's JSON classifier types small whole numbers as int and keeps bigint for the rest.
                type = "int";
            }
            columns.add(Column.of(col[0].toLowerCase(Locale.ROOT), type));
        }
        return Optional.of(new FileSchema("json", columns, rows, size, compression, Map.of()));
    }

    private FileSchema parquet(Path file, long size) throws SQLException {
        String source = "read_parquet(" + literal(file) + ", hive_partitioning=false)";
        List<Column> columns = new ArrayList<>();
        for (String[] col : describe(source)) {
            columns.add(Column.of(col[0].toLowerCase(Locale.ROOT), HiveTypes.fromDuckDb(col[1])));
        }
        return new FileSchema("parquet", columns, count(source), size, "none", Map.of());
    }

    private static FileSchema avro(Path file, long size) throws IOException {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            Schema schema = reader.getSchema();
            long rows = 0;
            while (reader.hasNext()) {
                reader.next();
                rows++;
            }
            List<Column> columns = new ArrayList<>();
            for (Schema.Field field : schema.getFields()) {
                columns.add(Column.of(field.name().toLowerCase(Locale.ROOT), AvroTypes.hive(field.schema())));
            }
            return new FileSchema("avro", columns, rows, size, "none",
                    Map.of("avro.schema.literal", schema.toString()));
        }
    }

    // Every read passes hive_partitioning=false: DuckDB would otherwise turn key=value folders in the
    // path into columns, while Glue makes them partition keys.
    private List<String[]> describe(String source) throws SQLException {
        List<String[]> cols = new ArrayList<>();
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                cols.add(new String[] {rs.getString("column_name"), rs.getString("column_type")});
            }
        }
        return cols;
    }

    private long count(String source) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + source)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean fitsInt(String source, String column) throws SQLException {
        String quoted = "\"" + column.replace("\"", "\"\"") + "\"";
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(min(" + quoted + "), 0), coalesce(max(" + quoted
                     + "), 0) FROM " + source)) {
            rs.next();
            return rs.getLong(1) >= Integer.MIN_VALUE && rs.getLong(2) <= Integer.MAX_VALUE;
        }
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            duck.close();
        } catch (SQLException e) {
            // nothing to do: the in-memory database is gone either way
        }
    }
}
