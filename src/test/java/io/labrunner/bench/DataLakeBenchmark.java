package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.target.EmbeddedTarget;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.CrawlerState;

/**
 * The data lake's numbers: {@code lab run s3-glue-athena} end to end, an aggregation over a
 * ~100 MB CSV through Athena next to the same SQL straight in DuckDB on the same file, and a crawl
 * over 1,000 objects. Medians of a few runs. Not a test: machines are noisy, so nothing here fails.
 *
 * <pre>
 * mvn -o -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.labrunner.bench.DataLakeBenchmark
 * </pre>
 *
 * <p>With the argument {@code aggregation} only the Athena-vs-DuckDB line runs, with more runs
 * ({@code -Druns=N}, default 7) and the two measurements alternating, so that a busy machine
 * slows both sides alike. {@code -Dpoll=MILLIS} (default 10) sets how often the Athena side asks
 * GetQueryExecution: each poll is an HTTP request the in-process emulator serves, and on a
 * two-core machine a 10 ms poll takes CPU from DuckDB while the query runs.
 */
public final class DataLakeBenchmark {
    private static final int RUNS = 3;
    private static final long POLL_MILLIS = Long.getLong("poll", 10);
    private static final String BUCKET = "bench-lake";
    private static final String COLUMNS = "order_id bigint, ordered_at timestamp, customer_id int, product string, "
            + "category string, quantity int, unit_price double, channel string, country string";
    private static final String AGGREGATION = "SELECT category, count(*) AS orders, sum(quantity * unit_price) AS revenue, "
            + "avg(unit_price) AS avg_price FROM %s GROUP BY category ORDER BY category";

    private DataLakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean aggregationOnly = args.length > 0 && args[0].equals("aggregation");
        int aggregationRuns = aggregationOnly ? Integer.getInteger("runs", 7) : RUNS;
        List<String[]> rows = new ArrayList<>();
        if (!aggregationOnly) {
            lab(rows);
        }
        Path dir = Files.createTempDirectory("lab-bench-lake-");
        try (EmbeddedTarget target = EmbeddedTarget.start(dir.resolve("emulator"));
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            clients.s3().createBucket(b -> b.bucket(BUCKET));
            Path csv = writeCsv(dir.resolve("orders.csv"), 100L * 1024 * 1024);
            clients.s3().putObject(p -> p.bucket(BUCKET).key("big/orders.csv"), RequestBody.fromFile(csv));
            double[] aggregation = athenaVersusDuckDb(clients.athena(), csv, aggregationRuns);
            String size = String.format(Locale.ROOT, "%.0f MB", Files.size(csv) / 1e6);
            rows.add(new String[] {"Athena aggregation over " + size + " CSV", fmt(aggregation[0]) + " s", ""});
            rows.add(new String[] {"same SQL straight in DuckDB, same file", fmt(aggregation[1]) + " s", ""});
            rows.add(new String[] {"Athena / DuckDB", fmt(aggregation[0] / aggregation[1]) + " ×", "≤ 1.3 ×"});
            if (!aggregationOnly) {
                double crawl = crawl(clients, 1_000);
                rows.add(new String[] {"crawl 1,000 objects (start → READY)", fmt(crawl) + " s", ""});
            }
        } finally {
            deleteTree(dir);
        }
        print(rows);
    }

    private static void lab(List<String[]> rows) throws Exception {
        double lab = median(RUNS, () -> secondsToExit(javaCommand("io.labrunner.cli.Main", "run", "s3-glue-athena", "--no-color")));
        rows.add(new String[] {"lab run s3-glue-athena (wall, JVM start included)", fmt(lab) + " s", "< 5 s"});
    }

    /** A CSV of roughly {@code bytes}, with a header row, from a fixed seed. */
    private static Path writeCsv(Path file, long bytes) throws IOException {
        Random random = new Random(42);
        String[] categories = {"home", "grocery", "electronics", "sports", "office"};
        String[] channels = {"web", "app", "store"};
        String[] countries = {"DE", "FR", "IE", "NL", "PL", "ES"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("order_id,ordered_at,customer_id,product,category,quantity,unit_price,channel,country\n");
            long written = 0;
            for (long id = 1; written < bytes; id++) {
                String line = String.format(Locale.ROOT, "%d,2025-%02d-%02d %02d:%02d:00,%d,product-%d,%s,%d,%d.%02d,%s,%s%n",
                        id, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                        1 + random.nextInt(50_000), random.nextInt(500), categories[random.nextInt(5)],
                        1 + random.nextInt(5), 1 + random.nextInt(300), random.nextInt(100), channels[random.nextInt(3)],
                        countries[random.nextInt(6)]);
                out.write(line);
                written += line.length();
            }
        }
        return file;
    }

    /** Median seconds for the aggregation through Athena (start → SUCCEEDED) and straight in DuckDB. */
    private static double[] athenaVersusDuckDb(AthenaClient athena, Path csv, int runs) throws Exception {
        run(athena, "CREATE DATABASE bench");
        run(athena, "CREATE EXTERNAL TABLE bench.orders (" + COLUMNS + ") ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' "
                + "LOCATION 's3://" + BUCKET + "/big/' TBLPROPERTIES ('skip.header.line.count'='1')");
        String columns = "{'order_id': 'BIGINT', 'ordered_at': 'TIMESTAMP', 'customer_id': 'INTEGER', 'product': 'VARCHAR', "
                + "'category': 'VARCHAR', 'quantity': 'INTEGER', 'unit_price': 'DOUBLE', 'channel': 'VARCHAR', 'country': 'VARCHAR'}";
        String source = "read_csv('" + csv.toAbsolutePath() + "', header = true, columns = " + columns + ")";
        Measure viaAthena = () -> run(athena, String.format(AGGREGATION, "bench.orders"));
        Measure direct = () -> {
            long start = System.nanoTime();
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                 Statement st = duck.createStatement();
                 ResultSet rs = st.executeQuery(String.format(AGGREGATION, source))) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
            return (System.nanoTime() - start) / 1e9;
        };
        double[] athenaTimes = new double[runs];
        double[] duckTimes = new double[runs];
        for (int i = 0; i < runs; i++) {
            athenaTimes[i] = viaAthena.seconds();
            duckTimes[i] = direct.seconds();
            System.err.printf(Locale.ROOT, "run %d: Athena %.3f s, DuckDB %.3f s%n", i + 1, athenaTimes[i], duckTimes[i]);
        }
        return new double[] {median(athenaTimes), median(duckTimes)};
    }

    /** Seconds from StartQueryExecution until GetQueryExecution says SUCCEEDED. */
    private static double run(AthenaClient athena, String sql) throws InterruptedException {
        long start = System.nanoTime();
        String id = athena.startQueryExecution(s -> s.queryString(sql)
                .resultConfiguration(r -> r.outputLocation("s3://" + BUCKET + "/results/"))).queryExecutionId();
        while (true) {
            var status = athena.getQueryExecution(g -> g.queryExecutionId(id)).queryExecution().status();
            if (status.state() == QueryExecutionState.SUCCEEDED) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (status.state() != QueryExecutionState.QUEUED && status.state() != QueryExecutionState.RUNNING) {
                throw new IllegalStateException(status.state() + ": " + status.stateChangeReason());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Seconds from StartCrawler until the crawler is READY again, over {@code objects} small CSV files. */
    private static double crawl(AwsClients clients, int objects) throws InterruptedException {
        for (int i = 0; i < objects; i++) {
            String key = String.format("many/day=%02d/part-%04d.csv", i % 10, i);
            clients.s3().putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString("id,amount\n1,2.5\n2,3.5\n"));
        }
        clients.iam().createRole(r -> r.roleName("bench-crawler").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"glue.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}"));
        clients.glue().createDatabase(d -> d.databaseInput(i -> i.name("bench_crawl")));
        clients.glue().createCrawler(c -> c.name("bench").role("bench-crawler").databaseName("bench_crawl")
                .targets(t -> t.s3Targets(s -> s.path("s3://" + BUCKET + "/many/"))));
        long start = System.nanoTime();
        clients.glue().startCrawler(s -> s.name("bench"));
        while (clients.glue().getCrawler(g -> g.name("bench")).crawler().state() != CrawlerState.READY) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var crawl = clients.glue().getCrawler(g -> g.name("bench")).crawler().lastCrawl();
        if (!"SUCCEEDED".equals(crawl.statusAsString())) {
            throw new IllegalStateException("crawl " + crawl.statusAsString() + ": " + crawl.errorMessage());
        }
        return seconds;
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static double secondsToExit(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int status = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + String.join(" ", command.subList(4, command.size())));
        }
        return seconds;
    }

    @FunctionalInterface
    private interface Measure {
        double seconds() throws Exception;
    }

    private static double median(int runs, Measure measure) throws Exception {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = measure.seconds();
        }
        return median(values);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static void print(List<String[]> rows) {
        System.out.printf(Locale.ROOT, "%n%-52s %12s %10s%n", "data lake benchmark (median)", "result", "target");
        System.out.println("-".repeat(76));
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-52s %12s %10s%n", row[0], row[1], row[2]);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
