package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DataScannedInBytes as Athena counts it: whole text objects, Parquet column chunks, touched partitions only. */
class DataScannedTest {
    @TempDir
    static Path root;
    static Fixtures fixtures;

    @BeforeAll
    static void setUp() throws Exception {
        fixtures = new Fixtures(root);
    }

    private static long scanned(String sql) {
        return fixtures.run(sql).dataScannedInBytes();
    }

    private static long sizeOfFilesUnder(String relative) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve(relative))) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Compressed bytes of one column's chunks across the files under a folder, read independently. */
    private static long columnBytes(String relative, String column) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(total_compressed_size) FROM parquet_metadata('"
                     + root.resolve(relative) + "/**/*.parquet') WHERE path_in_schema = '" + column + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("a CSV query scans every byte of the table's objects, whatever columns it reads")
    void textScansWholeObjects() throws IOException {
        long all = sizeOfFilesUnder("data/sales");
        assertThat(scanned("SELECT id FROM sales")).isEqualTo(all);
        assertThat(scanned("SELECT * FROM sales")).isEqualTo(all);
    }

    @Test
    @DisplayName("a Parquet query reading one column scans only that column's chunks")
    void parquetScansOnlyReferencedColumns() throws Exception {
        long one = scanned("SELECT sum(fare) FROM trips");
        long all = scanned("SELECT * FROM trips");
        assertThat(one).isEqualTo(columnBytes("data/trips", "fare"));
        assertThat(all).isEqualTo(columnBytes("data/trips", "fare") + columnBytes("data/trips", "trip_id")
                + columnBytes("data/trips", "notes"));
        assertThat(one).isLessThan(all);
    }

    @Test
    @DisplayName("a filter on partition keys scans only the matching partitions")
    void partitionFiltersPrune() throws Exception {
        long all = scanned("SELECT sum(fare) FROM trips");
        long year = scanned("SELECT sum(fare) FROM trips WHERE year = '2024'");
        long month = scanned("SELECT sum(fare) FROM trips WHERE year = '2024' AND month = '01'");
        assertThat(year).isEqualTo(columnBytes("data/trips/year=2024", "fare"));
        assertThat(month).isEqualTo(columnBytes("data/trips/year=2024/month=01", "fare"));
        assertThat(month).isLessThan(year).isLessThan(all);
        assertThat(scanned("SELECT sum(fare) FROM trips t WHERE t.year IN ('2023') AND month BETWEEN '01' AND '01'"))
                .isEqualTo(columnBytes("data/trips/year=2023/month=01", "fare"));
        assertThat(scanned("SELECT sum(fare) FROM trips WHERE year > '2023'")).isEqualTo(year);
    }

    @Test
    @DisplayName("an OR across partition keys is not pruned, so nothing is under-counted")
    void orIsNotPruned() {
        assertThat(scanned("SELECT sum(fare) FROM trips WHERE year = '2024' OR fare > 1"))
                .isEqualTo(scanned("SELECT sum(fare) FROM trips"));
    }

    @Test
    @DisplayName("a partitioned CSV table counts whole objects of the touched partitions")
    void partitionedTextCountsTouchedObjects() throws IOException {
        fixtures.write("data/logs/dt=2024-01-01/a.csv", "1,x\n2,y\n");
        fixtures.write("data/logs/dt=2024-01-02/b.csv", "3,zzzzzzzz\n");
        fixtures.catalog.createTable(new TableDef("lab", "logs", List.of(new Column("n", "int"), new Column("s", "string")),
                List.of(new Column("dt", "string")), "s3://data/logs/", HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT,
                HiveFormats.LAZY_SIMPLE_SERDE, Map.of("field.delim", ","), Map.of()));
        fixtures.run("MSCK REPAIR TABLE logs");
        assertThat(scanned("SELECT count(*) FROM logs WHERE dt = '2024-01-02'"))
                .isEqualTo(sizeOfFilesUnder("data/logs/dt=2024-01-02"));
        assertThat(scanned("SELECT count(*) FROM logs")).isEqualTo(sizeOfFilesUnder("data/logs"));
    }

    @Test
    @DisplayName("a column that shares a table's name does not make that table scanned")
    void columnNamedLikeATableIsNotATableReference() throws IOException {
        assertThat(scanned("SELECT customer AS notes, 1 AS trips FROM sales ORDER BY trips")).isEqualTo(sizeOfFilesUnder("data/sales"));
    }

    @Test
    @DisplayName("a join scans both tables")
    void joinsScanBothTables() throws Exception {
        assertThat(scanned("SELECT count(*) FROM sales s, trips t WHERE s.id = t.trip_id AND t.year = '2023'"))
                .isEqualTo(sizeOfFilesUnder("data/sales") + columnBytes("data/trips/year=2023", "trip_id"));
    }

    @Test
    @DisplayName("the bill rounds up to whole megabytes with a 10 MB minimum")
    void billedBytesHaveATenMegabyteMinimum() {
        assertThat(ScanAccounting.billedBytes(0)).isEqualTo(10L * 1024 * 1024);
        assertThat(ScanAccounting.billedBytes(11L * 1024 * 1024 + 1)).isEqualTo(12L * 1024 * 1024);
    }
}
