package io.labrunner.labs.s3dataformats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sales as Parquet, compressed with Snappy, written and read by DuckDB. Parquet stores each
 * column's values together (per row group), with the column types in the file's footer.
 *
 * <p>DuckDB works on files, so the bytes go through a temporary file. The SELECT names every
 * column's type: Parquet keeps them, and a reader (Athena, Glue, Spark) gets the same types back.
 */
public final class ParquetFormat {

    /** Each column with its DuckDB type, as {@code DESCRIBE} names it. */
    public static final Map<String, String> COLUMN_TYPES = columnTypes();

    private static Map<String, String> columnTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("order_id", "BIGINT");
        types.put("customer_id", "INTEGER");
        types.put("product", "VARCHAR");
        types.put("quantity", "INTEGER");
        types.put("unit_price", "DECIMAL(10,2)");
        types.put("ordered_at", "TIMESTAMP WITH TIME ZONE"); // an instant, stored in UTC
        types.put("coupon_code", "VARCHAR");
        types.put("tags", "VARCHAR[]");
        return Collections.unmodifiableMap(types);
    }

    private ParquetFormat() {
    }

    /** Writes the sales as JSON Lines to a temporary file, then lets DuckDB copy that to Parquet. */
    public static byte[] write(List<Sale> sales) throws IOException, SQLException {
        Path jsonLines = Files.createTempFile("sales", ".jsonl");
        Path parquet = Files.createTempFile("sales", ".parquet");
        try (Connection duckdb = connect(); Statement sql = duckdb.createStatement()) {
            Files.write(jsonLines, JsonLinesFormat.write(sales));
            sql.execute("COPY (SELECT * FROM read_json('" + jsonLines + "', format = 'newline_delimited', "
                    + "columns = " + duckdbStruct(COLUMN_TYPES) + ")) "
                    + "TO '" + parquet + "' (FORMAT parquet, COMPRESSION snappy)");
            return Files.readAllBytes(parquet);
        } finally {
            Files.deleteIfExists(jsonLines);
            Files.deleteIfExists(parquet);
        }
    }

    public static List<Sale> read(byte[] parquetBytes) throws IOException, SQLException {
        Path parquet = tempCopy(parquetBytes);
        List<Sale> sales = new ArrayList<>();
        try (Connection duckdb = connect(); Statement sql = duckdb.createStatement();
             ResultSet row = sql.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
            while (row.next()) {
                sales.add(new Sale(
                        row.getLong("order_id"),
                        row.getInt("customer_id"),
                        row.getString("product"),
                        row.getInt("quantity"),
                        row.getBigDecimal("unit_price").setScale(2),
                        row.getObject("ordered_at", OffsetDateTime.class).toInstant(),
                        row.getString("coupon_code"),
                        strings(row.getArray("tags"))));
            }
        } finally {
            Files.deleteIfExists(parquet);
        }
        return sales;
    }

    /** Column name to the type DuckDB reads from the file's footer, e.g. {@code unit_price: DECIMAL(10,2)}. */
    public static Map<String, String> columnTypes(byte[] parquetBytes) throws IOException, SQLException {
        Path parquet = tempCopy(parquetBytes);
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection duckdb = connect(); Statement sql = duckdb.createStatement();
             ResultSet column = sql.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')")) {
            while (column.next()) {
                types.put(column.getString("column_name"), column.getString("column_type"));
            }
        } finally {
            Files.deleteIfExists(parquet);
        }
        return types;
    }

    /** The compression codecs of the file's column chunks, from its footer, e.g. {@code [SNAPPY]}. */
    public static Set<String> compressions(byte[] parquetBytes) throws IOException, SQLException {
        Path parquet = tempCopy(parquetBytes);
        Set<String> codecs = new TreeSet<>();
        try (Connection duckdb = connect(); Statement sql = duckdb.createStatement();
             ResultSet chunk = sql.executeQuery("SELECT compression FROM parquet_metadata('" + parquet + "')")) {
            while (chunk.next()) {
                codecs.add(chunk.getString("compression"));
            }
        } finally {
            Files.deleteIfExists(parquet);
        }
        return codecs;
    }

    /** An in-memory DuckDB that never downloads extensions: Parquet and JSON are built in. */
    private static Connection connect() throws SQLException {
        Properties offline = new Properties();
        offline.setProperty("autoinstall_known_extensions", "false");
        offline.setProperty("autoload_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:", offline);
    }

    /** {@code {order_id: 'BIGINT', ...}}: how read_json is told each column's type. */
    private static String duckdbStruct(Map<String, String> types) {
        List<String> columns = new ArrayList<>();
        types.forEach((name, type) -> columns.add(name + ": '" + type + "'"));
        return "{" + String.join(", ", columns) + "}";
    }

    private static Path tempCopy(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("sales", ".parquet");
        Files.write(file, bytes);
        return file;
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add((String) value);
        }
        return values;
    }
}
