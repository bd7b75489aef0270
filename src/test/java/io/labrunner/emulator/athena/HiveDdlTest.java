package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hive DDL, CTAS and INSERT INTO round trips through the catalog and the blob root. */
class HiveDdlTest {
    @TempDir
    Path root;
    Fixtures fixtures;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new Fixtures(root);
    }

    private List<String> rows(String sql) {
        return TrinoQueryTest.lines(fixtures.run(sql));
    }

    @Test
    @DisplayName("CREATE EXTERNAL TABLE over CSV records Glue's SerDe and is queryable")
    void createExternalCsvTable() throws Exception {
        fixtures.write("raw/people/p.csv", "name;age\nann;31\nben;x\n");
        QueryResult r = fixtures.run("CREATE EXTERNAL TABLE IF NOT EXISTS lab.people (\n"
                + "  `name` string COMMENT 'who',\n  age int\n)\n"
                + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ';'\nSTORED AS TEXTFILE\n"
                + "LOCATION 's3://raw/people/'\nTBLPROPERTIES ('skip.header.line.count'='1')");
        assertThat(r.columns()).isEmpty();
        TableDef t = fixtures.catalog.table("lab", "people").orElseThrow();
        assertThat(t.serdeLibrary()).isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
        assertThat(t.inputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat(t.serdeParameters()).containsEntry("field.delim", ";");
        assertThat(t.columns()).containsExactly(new Column("name", "string", "who"), new Column("age", "int"));
        assertThat(rows("SELECT name, age FROM people ORDER BY name")).containsExactly("ann|31", "ben|∅");
    }

    @Test
    @DisplayName("a JSON table matches camelCase keys to lower-case columns, as the OpenX SerDe does")
    void jsonKeysMatchColumnsIgnoringCase() throws Exception {
        fixtures.write("raw/clicks/c.json", "{\"userId\":\"u1\",\"eventTime\":\"2024-01-05 10:00:00\",\"Amount\":3}\n"
                + "{\"userId\":\"u2\",\"eventTime\":\"2024-01-06 11:00:00\"}\n");
        fixtures.run("CREATE EXTERNAL TABLE clicks (userid string, eventtime timestamp, amount int, missing string) "
                + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://raw/clicks/'");
        assertThat(rows("SELECT userid, eventtime, amount, missing FROM clicks ORDER BY userid"))
                .containsExactly("u1|2024-01-05 10:00:00.000|3|∅", "u2|2024-01-06 11:00:00.000|∅|∅");
    }

    @Test
    @DisplayName("CREATE EXTERNAL TABLE with OpenCSVSerde honours quotes")
    void openCsvSerdeTable() throws Exception {
        fixtures.write("raw/quoted/q.csv", "\"a, b\",1\n\"c\",2\n");
        fixtures.run("CREATE EXTERNAL TABLE quoted (label string, n string) "
                + "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' "
                + "WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '\"', 'escapeChar' = '\\\\') "
                + "LOCATION 's3://raw/quoted/'");
        assertThat(rows("SELECT label, n FROM quoted ORDER BY n")).containsExactly("a, b|1", "c|2");
    }

    @Test
    @DisplayName("a partitioned Parquet table sees partitions after MSCK REPAIR TABLE")
    void msckRepairAddsPartitions() {
        fixtures.run("CREATE EXTERNAL TABLE trips2 (trip_id bigint, fare double, notes string) "
                + "PARTITIONED BY (year string, month string) STORED AS PARQUET LOCATION 's3://data/trips/'");
        assertThat(rows("SELECT count(*) FROM trips2")).containsExactly("0");
        QueryResult repair = fixtures.run("MSCK REPAIR TABLE trips2");
        assertThat(repair.rows()).hasSize(5);
        assertThat(repair.rows().get(1).get(0)).isEqualTo("Repair: Added partition to metastore trips2:year=2023/month=01");
        assertThat(rows("SHOW PARTITIONS trips2")).containsExactly("year=2023/month=01", "year=2023/month=02",
                "year=2024/month=01", "year=2024/month=02");
        assertThat(rows("SELECT count(*) FROM trips2 WHERE year = '2024'")).containsExactly("60");
        assertThat(fixtures.run("MSCK REPAIR TABLE trips2").rows()).isEmpty();
    }

    @Test
    @DisplayName("ALTER TABLE ADD PARTITION registers a partition at any location")
    void alterTableAddPartition() throws Exception {
        fixtures.write("elsewhere/jan.csv", "1,a\n");
        fixtures.run("CREATE EXTERNAL TABLE logs (n int, s string) PARTITIONED BY (dt string) "
                + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://data/logs/'");
        fixtures.run("ALTER TABLE logs ADD IF NOT EXISTS PARTITION (dt = '2024-01') LOCATION 's3://elsewhere/'");
        fixtures.run("ALTER TABLE logs ADD IF NOT EXISTS PARTITION (dt = '2024-01') LOCATION 's3://elsewhere/'");
        assertThatThrownBy(() -> fixtures.run("ALTER TABLE logs ADD PARTITION (dt = '2024-01')"))
                .hasMessageStartingWith("FAILED: AlreadyExistsException");
        assertThat(rows("SELECT dt, n, s FROM logs")).containsExactly("2024-01|1|a");
        fixtures.run("ALTER TABLE logs DROP PARTITION (dt = '2024-01')");
        assertThat(rows("SHOW PARTITIONS logs")).isEmpty();
    }

    @Test
    @DisplayName("SHOW TABLES, SHOW DATABASES and DESCRIBE return rows")
    void showAndDescribe() {
        assertThat(rows("SHOW TABLES")).containsExactly("events", "sales", "trips");
        assertThat(rows("SHOW TABLES IN lab 'tr*'")).containsExactly("trips");
        assertThat(fixtures.run("SHOW TABLES").columns()).extracting(ResultColumn::name).containsExactly("tab_name");
        assertThat(rows("SHOW DATABASES")).containsExactly("default", "lab");
        List<String> describe = rows("DESCRIBE trips");
        assertThat(describe.get(0)).startsWith("trip_id").contains("\tbigint");
        assertThat(describe).contains("# Partition Information");
        assertThat(describe.get(describe.size() - 1)).startsWith("month").contains("\tstring");
    }

    @Test
    @DisplayName("CREATE DATABASE, DROP TABLE and DROP DATABASE change the catalog but keep the objects")
    void databasesAndDrops() {
        fixtures.run("CREATE DATABASE IF NOT EXISTS scratch");
        assertThat(fixtures.catalog.databaseExists("scratch")).isTrue();
        fixtures.run("CREATE EXTERNAL TABLE scratch.s2 (id bigint) LOCATION 's3://data/sales/'");
        assertThatThrownBy(() -> fixtures.run("DROP DATABASE scratch")).hasMessageContaining("is not empty");
        fixtures.run("DROP TABLE IF EXISTS scratch.s2");
        fixtures.run("DROP TABLE IF EXISTS scratch.s2");
        fixtures.run("DROP DATABASE scratch");
        assertThat(fixtures.catalog.databaseExists("scratch")).isFalse();
        assertThat(Files.exists(root.resolve("data/sales/part-0.csv"))).isTrue();
    }

    @Test
    @DisplayName("CTAS writes partitioned Parquet, partition columns last, and registers table and partitions")
    void ctasWritesPartitionedParquet() throws Exception {
        QueryResult r = fixtures.run("CREATE TABLE lab.sales_by_region WITH (format = 'PARQUET', "
                + "external_location = 's3://out/sales_by_region/', partitioned_by = ARRAY['region'], "
                + "write_compression = 'SNAPPY') AS SELECT id, customer, amount, sold_at, region FROM sales");
        assertThat(r.updateCount()).isEqualTo(4);
        assertThat(r.substatementType()).isEqualTo("CREATE_TABLE_AS_SELECT");
        TableDef t = fixtures.catalog.table("lab", "sales_by_region").orElseThrow();
        assertThat(t.serdeLibrary()).isEqualTo(HiveFormats.PARQUET_SERDE);
        assertThat(t.columns()).extracting(Column::type).containsExactly("bigint", "string", "decimal(10,2)", "timestamp");
        assertThat(t.partitionKeys()).containsExactly(new Column("region", "string"));
        assertThat(rows("SHOW PARTITIONS sales_by_region")).containsExactly("region=eu", "region=us");
        try (Stream<Path> files = Files.walk(root.resolve("out/sales_by_region/region=eu"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet"))).hasSize(1);
        }
        assertThat(rows("SELECT region, count(*), sum(amount) FROM sales_by_region GROUP BY region ORDER BY region"))
                .containsExactly("eu|2|15.75", "us|2|20.00");
    }

    @Test
    @DisplayName("CTAS needs the partition columns last")
    void ctasRejectsPartitionColumnsNotLast() {
        assertThatThrownBy(() -> fixtures.run("CREATE TABLE bad WITH (external_location = 's3://out/bad/', "
                + "partitioned_by = ARRAY['region']) AS SELECT region, id FROM sales"))
                .hasMessageStartingWith("HIVE_COLUMN_ORDER_MISMATCH: Partition keys must be the last columns");
    }

    @Test
    @DisplayName("CTAS refuses a location that already holds objects")
    void ctasRefusesNonEmptyLocation() {
        assertThatThrownBy(() -> fixtures.run("CREATE TABLE again WITH (external_location = 's3://data/sales/') "
                + "AS SELECT 1 AS a")).hasMessageStartingWith("HIVE_PATH_ALREADY_EXISTS: Target directory for table 'lab.again'");
    }

    @Test
    @DisplayName("CTAS without a location writes under the result location's tables/<query id>/")
    void ctasDefaultsToTheResultLocation() {
        fixtures.run("CREATE TABLE totals AS SELECT customer, count(*) AS n FROM sales GROUP BY customer");
        assertThat(fixtures.catalog.table("lab", "totals").orElseThrow().location()).isEqualTo("s3://results/tables/q-1/");
        assertThat(rows("SELECT customer, n FROM totals ORDER BY customer")).containsExactly("alice|2", "bob|1", "carol|1");
    }

    @Test
    @DisplayName("CTAS as TEXTFILE and JSON round-trips")
    void ctasTextAndJson() {
        fixtures.run("CREATE TABLE t_csv WITH (format = 'TEXTFILE', field_delimiter = ',', external_location = 's3://out/t_csv/') "
                + "AS SELECT id, customer FROM sales WHERE id < 3");
        fixtures.run("CREATE TABLE t_json WITH (format = 'JSON', external_location = 's3://out/t_json/') "
                + "AS SELECT id, customer FROM sales WHERE id < 3");
        assertThat(rows("SELECT * FROM t_csv ORDER BY id")).containsExactly("1|alice", "2|bob");
        assertThat(rows("SELECT * FROM t_json ORDER BY id")).containsExactly("1|alice", "2|bob");
    }

    @Test
    @DisplayName("UNLOAD writes files in the asked format without creating a table, and refuses a non-empty target")
    void unloadWritesFilesOnly() throws Exception {
        QueryResult r = fixtures.run("UNLOAD (SELECT id, customer FROM sales WHERE id < 3) TO 's3://out/unload/' "
                + "WITH (format = 'JSON')");
        assertThat(r.updateCount()).isEqualTo(2);
        assertThat(fixtures.catalog.tables("lab")).containsExactly("events", "sales", "trips");
        try (Stream<Path> files = Files.list(root.resolve("out/unload"))) {
            List<Path> written = files.toList();
            assertThat(written).hasSize(1);
            assertThat(Files.readAllLines(written.get(0))).containsExactly("{\"id\":1,\"customer\":\"alice\"}",
                    "{\"id\":2,\"customer\":\"bob\"}");
        }
        assertThatThrownBy(() -> fixtures.run("UNLOAD (SELECT 1 AS a) TO 's3://out/unload/' WITH (format = 'PARQUET')"))
                .hasMessageStartingWith("HIVE_PATH_ALREADY_EXISTS");
    }

    @Test
    @DisplayName("a view stores its SQL and columns, is queryable from another database and bills its tables")
    void viewsRoundTrip() throws Exception {
        fixtures.run("CREATE VIEW recent_trips AS SELECT trip_id, fare, year FROM trips WHERE year = '2024'");
        TableDef v = fixtures.catalog.table("lab", "recent_trips").orElseThrow();
        assertThat(v.tableType()).isEqualTo("VIRTUAL_VIEW");
        assertThat(v.columns()).extracting(Column::type).containsExactly("bigint", "double", "string");
        QueryResult r = engineIn("default", "SELECT count(*) FROM lab.recent_trips");
        assertThat(TrinoQueryTest.lines(r)).containsExactly("60");
        // Through a view the columns the view names count (a conservative estimate), in the partitions it keeps.
        assertThat(r.dataScannedInBytes()).isEqualTo(fixtures.run("SELECT trip_id, fare FROM trips WHERE year = '2024'")
                .dataScannedInBytes()).isGreaterThan(0);
        assertThatThrownBy(() -> fixtures.run("CREATE VIEW recent_trips AS SELECT 1 AS a"))
                .hasMessageStartingWith("TABLE_ALREADY_EXISTS");
        fixtures.run("CREATE OR REPLACE VIEW recent_trips AS SELECT 1 AS a");
        assertThat(rows("SELECT * FROM recent_trips")).containsExactly("1");
        fixtures.run("DROP VIEW recent_trips");
        assertThat(fixtures.catalog.table("lab", "recent_trips")).isEmpty();
        assertThatThrownBy(() -> fixtures.run("DROP VIEW recent_trips")).hasMessageStartingWith("TABLE_NOT_FOUND");
    }

    private QueryResult engineIn(String database, String sql) {
        return fixtures.engine.execute(sql, new QueryContext(database, "q-2", "s3://results/"));
    }

    @Test
    @DisplayName("INSERT INTO appends files and registers new partitions")
    void insertIntoAppends() {
        fixtures.run("CREATE TABLE s2 WITH (external_location = 's3://out/s2/', partitioned_by = ARRAY['region']) "
                + "AS SELECT id, customer, region FROM sales WHERE region = 'eu'");
        QueryResult r = fixtures.run("INSERT INTO s2 SELECT id, customer, region FROM sales WHERE region = 'us'");
        assertThat(r.updateCount()).isEqualTo(2);
        assertThat(r.statementType()).isEqualTo("DML");
        fixtures.run("INSERT INTO s2 (id, region) VALUES (9, 'eu')");
        assertThat(rows("SHOW PARTITIONS s2")).containsExactly("region=eu", "region=us");
        assertThat(rows("SELECT id, customer, region FROM s2 ORDER BY id")).containsExactly(
                "1|alice|eu", "2|bob|us", "3|alice|eu", "4|carol|us", "9|∅|eu");
    }
}
