package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The data lake end to end, through the SDK only: objects uploaded to S3, an IAM role Glue may
 * assume, a crawler that writes the tables, and Athena querying them — for CSV, JSON and Parquet.
 */
class CrawlerToAthenaTest {
    static final String BUCKET = "lake";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static Emulator emulator;
    static EmulatorClients clients;
    /** Expected sum of amount per month, computed from the generated rows. */
    static final Map<String, Long> TOTALS = new TreeMap<>();

    @TempDir
    static Path temp;

    @BeforeAll
    static void crawl() throws Exception {
        emulator = Emulator.builder().port(0).build().start();
        clients = new EmulatorClients(emulator);
        clients.s3.createBucket(b -> b.bucket(BUCKET));
        for (String month : List.of("01", "02")) {
            StringBuilder csv = new StringBuilder("order_id,product,amount\n");
            StringBuilder json = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                int amount = (i * 37 + month.hashCode()) % 500;
                csv.append(i).append(",p").append(i % 5).append(',').append(amount).append('\n');
                json.append("{\"order_id\":").append(i).append(",\"product\":\"p").append(i % 5)
                        .append("\",\"amount\":").append(amount).append("}\n");
                TOTALS.merge(month, (long) amount, Long::sum);
            }
            put("csv/sales/year=2025/month=" + month + "/part-0.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            put("json/sales/year=2025/month=" + month + "/part-0.json", json.toString().getBytes(StandardCharsets.UTF_8));
            put("parquet/sales/year=2025/month=" + month + "/part-0.parquet", parquet(csv.toString()));
        }
        clients.iam.createRole(r -> r.roleName("crawler-role").assumeRolePolicyDocument(TRUST));
        clients.iam.attachRolePolicy(a -> a.roleName("crawler-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"));
        String roleArn = clients.iam.getRole(g -> g.roleName("crawler-role")).role().arn();
        clients.glue.createDatabase(d -> d.databaseInput(i -> i.name("lake")));
        for (String format : List.of("csv", "json", "parquet")) {
            clients.glue.createCrawler(c -> c.name(format + "-crawler").role(roleArn).databaseName("lake")
                    .tablePrefix(format + "_").targets(t -> t.s3Targets(s -> s.path("s3://" + BUCKET + "/" + format + "/sales/"))));
            clients.glue.startCrawler(s -> s.name(format + "-crawler"));
        }
        for (String format : List.of("csv", "json", "parquet")) {
            awaitCrawler(format + "-crawler");
        }
    }

    @AfterAll
    static void stop() {
        clients.close();
        emulator.close();
    }

    static void put(String key, byte[] bytes) {
        clients.s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    static byte[] parquet(String csv) throws Exception {
        Path in = Files.createTempFile(temp, "in", ".csv");
        Path out = temp.resolve("out-" + System.nanoTime() + ".parquet");
        Files.writeString(in, csv);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + in + "', header = true)) TO '" + out + "' (FORMAT parquet)");
        }
        return Files.readAllBytes(out);
    }

    static void awaitCrawler(String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var crawler = clients.glue.getCrawler(g -> g.name(name)).crawler();
            if (crawler.state() == CrawlerState.READY && crawler.lastCrawl() != null) {
                assertThat(crawler.lastCrawl().status()).as(crawler.lastCrawl().errorMessage())
                        .isEqualTo(LastCrawlStatus.SUCCEEDED);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("crawler " + name + " never finished");
    }

    static List<List<String>> query(String sql) {
        String id = clients.athena.startQueryExecution(s -> s.queryString(sql)
                .queryExecutionContext(c -> c.database("lake"))
                .resultConfiguration(r -> r.outputLocation("s3://" + BUCKET + "/athena-results/"))).queryExecutionId();
        QueryExecution q = AthenaSdkTestSupport.await(clients.athena, id);
        assertThat(q.status().state()).as(q.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
        List<List<String>> rows = new ArrayList<>();
        for (GetQueryResultsResponse page : clients.athena.getQueryResultsPaginator(r -> r.queryExecutionId(id))) {
            page.resultSet().rows().forEach(row -> rows.add(row.data().stream().map(d -> d.varCharValue()).toList()));
        }
        // SELECT results start with a header row; SHOW results do not.
        return sql.startsWith("SELECT") ? rows.subList(1, rows.size()) : rows;
    }

    static List<List<String>> expectedTotals() {
        List<List<String>> rows = new ArrayList<>();
        TOTALS.forEach((month, total) -> rows.add(List.of(month, Long.toString(total), "300")));
        return rows;
    }

    @Test
    @DisplayName("the crawler's CSV table answers an aggregation by partition")
    void csvTableIsQueryable() {
        assertThat(query("SELECT month, sum(amount), count(*) FROM csv_sales WHERE year = '2025' GROUP BY month ORDER BY month"))
                .isEqualTo(expectedTotals());
    }

    @Test
    @DisplayName("the crawler's JSON table answers the same aggregation")
    void jsonTableIsQueryable() {
        assertThat(query("SELECT month, sum(amount), count(*) FROM json_sales GROUP BY month ORDER BY month"))
                .isEqualTo(expectedTotals());
    }

    @Test
    @DisplayName("the crawler's Parquet table answers the same aggregation")
    void parquetTableIsQueryable() {
        assertThat(query("SELECT month, sum(amount), count(*) FROM parquet_sales GROUP BY month ORDER BY month"))
                .isEqualTo(expectedTotals());
    }

    @Test
    @DisplayName("Athena sees the crawled tables with their columns and partitions")
    void athenaSeesCrawledTables() {
        assertThat(query("SHOW TABLES")).extracting(r -> r.get(0))
                .contains("csv_sales", "json_sales", "parquet_sales");
        assertThat(query("SHOW PARTITIONS csv_sales")).extracting(r -> r.get(0))
                .containsExactlyInAnyOrder("year=2025/month=01", "year=2025/month=02");
        Table csv = clients.glue.getTable(g -> g.databaseName("lake").name("csv_sales")).table();
        assertThat(csv.storageDescriptor().columns()).extracting(c -> c.name() + ":" + c.type())
                .containsExactly("order_id:bigint", "product:string", "amount:bigint");
    }
}
