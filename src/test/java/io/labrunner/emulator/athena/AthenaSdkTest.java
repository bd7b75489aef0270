package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The Athena API through the real emulator and the AWS SDK: query lifecycle, result paging,
 * work groups, errors, and Athena sharing Glue's Data Catalog.
 */
class AthenaSdkTest {
    static final String BUCKET = "athena-sdk";
    static final String RESULTS = "s3://" + BUCKET + "/results/";
    static Emulator emulator;
    static EmulatorClients clients;
    static AthenaClient athena;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        clients = new EmulatorClients(emulator);
        athena = clients.athena;
        clients.s3.createBucket(b -> b.bucket(BUCKET));
        StringBuilder csv = new StringBuilder("id,name,amount\n");
        IntStream.rangeClosed(1, 2500).forEach(i -> csv.append(i).append(",n").append(i % 7).append(',')
                .append(i % 100).append('\n'));
        put("numbers/part-0.csv", csv.toString());
        run("CREATE DATABASE sdk");
        run("CREATE EXTERNAL TABLE sdk.numbers (id bigint, name string, amount int) ROW FORMAT DELIMITED "
                + "FIELDS TERMINATED BY ',' LOCATION 's3://" + BUCKET + "/numbers/' "
                + "TBLPROPERTIES ('skip.header.line.count'='1')");
    }

    @AfterAll
    static void stop() {
        clients.close();
        emulator.close();
    }

    static void put(String key, String content) {
        clients.s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    static String start(String sql) {
        return athena.startQueryExecution(s -> s.queryString(sql).queryExecutionContext(c -> c.database("sdk"))
                .resultConfiguration(r -> r.outputLocation(RESULTS))).queryExecutionId();
    }

    static QueryExecution await(String id) {
        return AthenaSdkTestSupport.await(athena, id);
    }

    static QueryExecution run(String sql) {
        QueryExecution q = await(start(sql));
        assertThat(q.status().state()).as(sql + ": " + q.status().stateChangeReason())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        return q;
    }

    static List<List<String>> rows(String id) {
        List<List<String>> rows = new ArrayList<>();
        for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(r -> r.queryExecutionId(id))) {
            for (Row row : page.resultSet().rows()) {
                rows.add(row.data().stream().map(d -> d.varCharValue()).collect(Collectors.toList()));
            }
        }
        return rows;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("a SELECT succeeds with statistics, a header row and Athena's column types")
    void selectSucceedsWithStatisticsAndColumnInfo() {
        QueryExecution q = run("SELECT name, sum(amount) AS total, count(*) AS n FROM numbers GROUP BY name ORDER BY name");
        assertThat(q.statementType().toString()).isEqualTo("DML");
        assertThat(q.statistics().dataScannedInBytes()).isPositive();
        assertThat(q.resultConfiguration().outputLocation()).isEqualTo(RESULTS + q.queryExecutionId() + ".csv");
        GetQueryResultsResponse first = athena.getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()));
        assertThat(first.resultSet().resultSetMetadata().columnInfo()).extracting(ColumnInfo::name, ColumnInfo::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "varchar"),
                        org.assertj.core.groups.Tuple.tuple("total", "bigint"),
                        org.assertj.core.groups.Tuple.tuple("n", "bigint"));
        List<List<String>> rows = rows(q.queryExecutionId());
        assertThat(rows.get(0)).containsExactly("name", "total", "n");
        assertThat(rows).hasSize(8);
        long expectedN0 = IntStream.rangeClosed(1, 2500).filter(i -> i % 7 == 0).count();
        long expectedTotal0 = IntStream.rangeClosed(1, 2500).filter(i -> i % 7 == 0).map(i -> i % 100).sum();
        assertThat(rows.get(1)).containsExactly("n0", Long.toString(expectedTotal0), Long.toString(expectedN0));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> trinoQueries() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(
                        "WITH t AS (SELECT name, amount FROM numbers WHERE id <= 14) SELECT name, sum(amount) FROM t GROUP BY name ORDER BY name LIMIT 2",
                        List.of(List.of("n0", "21"), List.of("n1", "9"))),
                org.junit.jupiter.params.provider.Arguments.of(
                        "SELECT id, rank() OVER (PARTITION BY name ORDER BY amount DESC, id) AS r FROM numbers WHERE id IN (1, 8, 15) ORDER BY id",
                        List.of(List.of("1", "3"), List.of("8", "2"), List.of("15", "1"))),
                org.junit.jupiter.params.provider.Arguments.of(
                        "SELECT date_format(date_trunc('month', from_iso8601_timestamp('2025-03-14T10:00:00Z')), '%Y-%m-%d')",
                        List.of(List.of("2025-03-01"))),
                org.junit.jupiter.params.provider.Arguments.of(
                        "SELECT approx_distinct(name), count_if(regexp_like(name, '^n[0-3]$')) FROM numbers",
                        List.of(List.of("7", Long.toString(IntStream.rangeClosed(1, 2500).filter(i -> i % 7 <= 3).count())))),
                org.junit.jupiter.params.provider.Arguments.of(
                        "SELECT try_cast('x' AS integer) IS NULL, CAST(amount AS varchar) FROM numbers WHERE id = 42",
                        List.of(List.of("true", "42"))));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("trinoQueries")
    void trinoQueriesThroughTheSdkGiveTheirExpectedRows(String sql, List<List<String>> expected) {
        List<List<String>> rows = rows(run(sql).queryExecutionId());
        assertThat(rows.subList(1, rows.size())).isEqualTo(expected);
    }

    @Test
    @DisplayName("GetQueryResults pages 1,000 rows at a time and the paginator reads them all, header first")
    void resultsArePagedAndThePaginatorReadsAll() {
        QueryExecution q = run("SELECT id FROM numbers ORDER BY id");
        GetQueryResultsResponse first = athena.getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()));
        assertThat(first.resultSet().rows()).hasSize(1000);
        assertThat(first.nextToken()).isNotNull();
        GetQueryResultsResponse small = athena.getQueryResults(r -> r.queryExecutionId(q.queryExecutionId()).maxResults(10));
        assertThat(small.resultSet().rows()).hasSize(10);
        List<List<String>> all = rows(q.queryExecutionId());
        assertThat(all).hasSize(2501);
        assertThat(all.get(0)).containsExactly("id");
        assertThat(all.get(2500)).containsExactly("2500");
    }

    @Test
    @DisplayName("bad SQL ends FAILED with Athena's reason and error category, and its results are refused")
    void badSqlFailsWithAReason() {
        QueryExecution q = await(start("SELECT nope FROM numbers"));
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(q.status().stateChangeReason()).startsWith("COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        assertThat(q.status().athenaError().errorCategory()).isEqualTo(2);
        assertThatThrownBy(() -> athena.getQueryResults(r -> r.queryExecutionId(q.queryExecutionId())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("FAILED");
    }

    @Test
    @DisplayName("a stopped query ends CANCELLED; stopping a finished one changes nothing")
    void stopCancelsAQueryThatHasNotFinished() {
        // The queries queue behind each other on one worker, so the last is still waiting when stopped.
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> start("SELECT count(*) FROM numbers a CROSS JOIN numbers b"))
                .toList();
        String last = ids.get(ids.size() - 1);
        athena.stopQueryExecution(s -> s.queryExecutionId(last));
        QueryExecution stopped = await(last);
        assertThat(stopped.status().state()).isEqualTo(QueryExecutionState.CANCELLED);
        ids.forEach(AthenaSdkTest::await);
        athena.stopQueryExecution(s -> s.queryExecutionId(ids.get(0)));
        assertThat(await(ids.get(0)).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    @DisplayName("ListQueryExecutions lists a work group's queries newest first; BatchGet reports unknown ids apart")
    void listAndBatchGet() {
        athena.createWorkGroup(c -> c.name("listing").configuration(g -> g.resultConfiguration(r -> r.outputLocation(RESULTS))));
        String a = athena.startQueryExecution(s -> s.queryString("SELECT 1").workGroup("listing")).queryExecutionId();
        await(a);
        String b = athena.startQueryExecution(s -> s.queryString("SELECT 2").workGroup("listing")).queryExecutionId();
        await(b);
        List<String> listed = athena.listQueryExecutionsPaginator(l -> l.workGroup("listing")).stream()
                .flatMap(page -> page.queryExecutionIds().stream()).toList();
        assertThat(listed).containsExactly(b, a);
        var batch = athena.batchGetQueryExecution(g -> g.queryExecutionIds(a, "no-such-id"));
        assertThat(batch.queryExecutions()).extracting(QueryExecution::queryExecutionId).containsExactly(a);
        assertThat(batch.unprocessedQueryExecutionIds()).singleElement()
                .satisfies(u -> assertThat(u.queryExecutionId()).isEqualTo("no-such-id"));
        athena.deleteWorkGroup(d -> d.workGroup("listing").recursiveDeleteOption(true));
    }

    @Test
    @DisplayName("work groups: the output location comes from the group; a group with queries needs RecursiveDeleteOption")
    void workGroups() {
        athena.createWorkGroup(c -> c.name("team").description("d")
                .configuration(g -> g.resultConfiguration(r -> r.outputLocation(RESULTS + "team/"))));
        assertThat(athena.getWorkGroup(g -> g.workGroup("team")).workGroup().configuration().resultConfiguration()
                .outputLocation()).isEqualTo(RESULTS + "team/");
        assertThatThrownBy(() -> athena.createWorkGroup(c -> c.name("team")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("already created");
        String id = athena.startQueryExecution(s -> s.queryString("SELECT 1").workGroup("team")).queryExecutionId();
        assertThat(await(id).resultConfiguration().outputLocation()).isEqualTo(RESULTS + "team/" + id + ".csv");
        assertThatThrownBy(() -> athena.deleteWorkGroup(d -> d.workGroup("team")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is not empty");
        athena.deleteWorkGroup(d -> d.workGroup("team").recursiveDeleteOption(true));
        assertThat(athena.listWorkGroupsPaginator(l -> { }).stream()
                .flatMap(page -> page.workGroups().stream()).toList()).extracting(w -> w.name())
                .doesNotContain("team").contains("primary");
        assertThatThrownBy(() -> athena.getWorkGroup(g -> g.workGroup("team")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is not found");
        assertThatThrownBy(() -> athena.deleteWorkGroup(d -> d.workGroup("primary")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @DisplayName("requests Athena refuses are InvalidRequestException with a message")
    void invalidRequests() {
        assertThatThrownBy(() -> athena.startQueryExecution(s -> s.queryString("SELECT 1")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("No output location provided");
        assertThatThrownBy(() -> athena.getQueryExecution(g -> g.queryExecutionId("00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("was not found")
                .satisfies(e -> assertThat(((InvalidRequestException) e).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> athena.startQueryExecution(s -> s.queryString("SELECT 1").workGroup("nope")
                .resultConfiguration(r -> r.outputLocation(RESULTS))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("WorkGroup nope is not found");
    }

    @Test
    @DisplayName("a result file Athena writes is readable, listable and deletable through S3")
    void resultFilesWorkThroughS3() {
        QueryExecution q = run("SELECT count(*) AS n FROM numbers");
        String key = "results/" + q.queryExecutionId() + ".csv";
        String body = clients.s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asUtf8String();
        assertThat(body).isEqualTo("\"n\"\n\"2500\"\n");
        List<String> keys = clients.s3.listObjectsV2Paginator(l -> l.bucket(BUCKET).prefix("results/")).contents()
                .stream().map(S3Object::key).toList();
        assertThat(keys).contains(key, key + ".metadata");
        clients.s3.deleteObjects(d -> d.bucket(BUCKET).delete(x -> x.objects(
                ObjectIdentifier.builder().key(key).build(), ObjectIdentifier.builder().key(key + ".metadata").build())));
        assertThat(clients.s3.listObjectsV2(l -> l.bucket(BUCKET).prefix(key)).contents()).isEmpty();
    }

    @Test
    @DisplayName("CREATE EXTERNAL TABLE, MSCK REPAIR TABLE and CTAS from Athena show up in Glue")
    void athenaDdlIsVisibleInGlue() {
        put("events/year=2025/month=01/e.json", "{\"id\":1,\"kind\":\"a\"}\n");
        put("events/year=2025/month=02/e.json", "{\"id\":2,\"kind\":\"b\"}\n");
        run("CREATE EXTERNAL TABLE events (id bigint, kind string) PARTITIONED BY (year string, month string) "
                + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://" + BUCKET + "/events/'");
        run("MSCK REPAIR TABLE events");
        Table table = clients.glue.getTable(g -> g.databaseName("sdk").name("events")).table();
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(table.partitionKeys()).extracting(c -> c.name()).containsExactly("year", "month");
        assertThat(table.storageDescriptor().columns()).extracting(c -> c.name() + ":" + c.type())
                .containsExactly("id:bigint", "kind:string");
        List<Partition> partitions = clients.glue.getPartitionsPaginator(g -> g.databaseName("sdk").tableName("events"))
                .stream().flatMap(page -> page.partitions().stream()).toList();
        assertThat(partitions).extracting(Partition::values)
                .containsExactlyInAnyOrder(List.of("2025", "01"), List.of("2025", "02"));
        assertThat(partitions).extracting(p -> p.storageDescriptor().location())
                .contains("s3://" + BUCKET + "/events/year=2025/month=01/");

        run("CREATE TABLE numbers_parquet WITH (format = 'PARQUET', external_location = 's3://" + BUCKET
                + "/numbers-parquet/') AS SELECT * FROM numbers");
        Table ctas = clients.glue.getTable(g -> g.databaseName("sdk").name("numbers_parquet")).table();
        assertThat(ctas.storageDescriptor().inputFormat()).contains("Parquet");
        assertThat(ctas.storageDescriptor().location()).startsWith("s3://" + BUCKET + "/numbers-parquet");
        assertThat(rows(run("SELECT count(*) FROM numbers_parquet").queryExecutionId()).get(1)).containsExactly("2500");
        run("DROP TABLE numbers_parquet");
        assertThat(clients.glue.getTables(g -> g.databaseName("sdk")).tableList()).extracting(Table::name)
                .doesNotContain("numbers_parquet");
    }
}
