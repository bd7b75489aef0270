package io.labrunner.emulator.athena;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Small data sets written as objects under a blob root, and catalog entries describing them. */
final class Fixtures {
    final Path root;
    final InMemoryTableCatalog catalog = new InMemoryTableCatalog();
    final AthenaEngine engine;

    Fixtures(Path root) throws IOException, SQLException {
        this.root = root;
        this.engine = new AthenaEngine(root, catalog);
        catalog.createDatabase("lab");
        writeSales();
        writeEvents();
        writeTrips();
    }

    static QueryContext context() {
        return new QueryContext("lab", "q-1", "s3://results/");
    }

    QueryResult run(String sql) {
        return engine.execute(sql, context());
    }

    void write(String key, String content) throws IOException {
        Path p = root.resolve(key);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void writeSales() throws IOException {
        write("data/sales/part-0.csv", "id,customer,amount,sold_at,region\n"
                + "1,alice,10.50,2024-01-05 10:00:00,eu\n"
                + "2,bob,20.00,2024-01-06 11:30:00,us\n"
                + "3,alice,5.25,2024-02-01 09:15:00,eu\n");
        write("data/sales/part-1.csv", "id,customer,amount,sold_at,region\n"
                + "4,carol,,2024-02-03 08:00:00,us\n");
        catalog.createTable(new TableDef("lab", "sales",
                List.of(new Column("id", "bigint"), new Column("customer", "string"), new Column("amount", "decimal(10,2)"),
                        new Column("sold_at", "timestamp"), new Column("region", "string")),
                List.of(), "s3://data/sales/", HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT,
                HiveFormats.LAZY_SIMPLE_SERDE, Map.of("field.delim", ","),
                Map.of("skip.header.line.count", "1", "classification", "csv")));
    }

    private void writeEvents() throws IOException {
        write("data/events/2024/events.json",
                "{\"user\":\"alice\",\"kind\":\"click\",\"tags\":[\"a\",\"b\"],\"score\":1.5}\n"
                        + "{\"user\":\"bob\",\"kind\":\"view\",\"tags\":[],\"score\":2}\n"
                        + "{\"user\":\"alice\",\"kind\":\"view\",\"tags\":[\"c\"],\"score\":null}\n");
        catalog.createTable(new TableDef("lab", "events",
                List.of(new Column("user", "string"), new Column("kind", "string"), new Column("tags", "array<string>"),
                        new Column("score", "double")),
                List.of(), "s3://data/events/", HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT,
                HiveFormats.OPENX_JSON_SERDE, Map.of(), Map.of("classification", "json")));
    }

    /** Parquet partitioned by year and month, with a wide text column so column pruning shows. */
    private void writeTrips() throws SQLException, IOException {
        Path dir = root.resolve("data/trips");
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i AS trip_id, (i % 7) * 1.5 AS fare, repeat('note ' || i, 20) AS notes, "
                    + "CASE WHEN i < 60 THEN '2023' ELSE '2024' END AS year, "
                    + "CASE WHEN i % 2 = 0 THEN '01' ELSE '02' END AS month FROM range(120) t(i)) TO '"
                    + dir + "' (FORMAT parquet, PARTITION_BY (year, month))");
        }
        catalog.createTable(new TableDef("lab", "trips",
                List.of(new Column("trip_id", "bigint"), new Column("fare", "double"), new Column("notes", "string")),
                List.of(new Column("year", "string"), new Column("month", "string")),
                "s3://data/trips/", HiveFormats.PARQUET_INPUT, HiveFormats.PARQUET_OUTPUT, HiveFormats.PARQUET_SERDE,
                Map.of("serialization.format", "1"), Map.of("classification", "parquet")));
        for (String year : List.of("2023", "2024")) {
            for (String month : List.of("01", "02")) {
                catalog.addPartition("lab", "trips", new PartitionDef(List.of(year, month),
                        "s3://data/trips/year=" + year + "/month=" + month + "/"));
            }
        }
    }
}
