package io.labrunner.labs.athenactas;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.AthenaQueries;
import io.labrunner.labs.s3glueathena.LabBucket;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ETL inside Athena: one CREATE TABLE AS SELECT turns a year of CSV orders into Snappy-compressed
 * Parquet partitioned by year and month, and the same query then reads a fraction of the bytes —
 * which is what Athena bills.
 *
 * <p>Setup provides the bucket, the raw CSV and its table {@code orders_csv}; the learner writes
 * the CTAS and runs the query on both tables.
 */
public final class AthenaCtasParquetLab implements Lab {
    static final String RAW = "raw/orders/";
    static final String CURATED = "curated/orders_parquet/";
    static final String RESULTS = "athena-results/";
    static final String MONTH = "03";

    /** The question asked of both tables: one month, three of ten columns. */
    static String query(String table) {
        return "SELECT category, count(*) AS orders, round(sum(quantity * unit_price), 2) AS revenue FROM " + table
                + " WHERE year = '2025' AND month = '" + MONTH + "' GROUP BY category ORDER BY category";
    }

    @Override
    public LabInfo info() {
        return new LabInfo(
                "athena-ctas-parquet",
                "Turn CSV into partitioned Parquet with one Athena CTAS, and pay for a fraction of the bytes",
                "A year of orders sits in S3 as CSV. Convert it to Snappy Parquet partitioned by year and month with"
                        + " CREATE TABLE AS SELECT, run the same query on both tables, and compare the answers and"
                        + " the bytes Athena scanned.",
                "1 Data Preparation for Machine Learning",
                "1.1 Ingest and store data",
                List.of("Amazon S3", "AWS Glue", "Amazon Athena"),
                25,
                "< $0.05",
                Set.of(Capability.S3, Capability.IAM, Capability.GLUE_CATALOG, Capability.GLUE_CRAWLER,
                        Capability.ATHENA_SQL));
    }

    static String bucket(RunNames ctx) {
        return ctx.name("orders");
    }

    /** Athena dislikes dashes in database names, so the database uses underscores. */
    static String database(RunNames ctx) {
        return ctx.name("orders").replace('-', '_');
    }

    static String results(RunNames ctx) {
        return "s3://" + bucket(ctx) + "/" + RESULTS;
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        names.put("DB", database(run));
        return names;
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () ->
                ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags())));
        List<Orders.Order> orders = Orders.generate();
        ctx.step("Upload " + orders.size() + " orders as CSV, one folder per month", () -> uploadCsv(ctx.s3(), bucket, orders));
        ctx.step("Create Glue database " + database(ctx), () ->
                ctx.create(Resource.glueDatabase(database(ctx)), () -> createDatabase(ctx.glue(), database(ctx))));
        ctx.step("Create table orders_csv and load its partitions", () -> {
            AthenaQueries.run(ctx, database(ctx), results(ctx), createCsvTable(bucket));
            AthenaQueries.run(ctx, database(ctx), results(ctx), "MSCK REPAIR TABLE orders_csv");
        });
        ctx.note("bucket " + bucket + "   database " + database(ctx) + "   table orders_csv");
    }

    private static void uploadCsv(S3Client s3, String bucket, List<Orders.Order> orders) {
        for (YearMonth month : Orders.months()) {
            LabBucket.putText(s3, bucket, RAW + Orders.partitionPath(month) + "orders.csv", Orders.csv(orders, month),
                    "text/csv");
        }
    }

    private static String createDatabase(GlueClient glue, String database) {
        glue.createDatabase(create -> create.databaseInput(input -> input.name(database)));
        return database;
    }

    /** The CSV table as a data engineer would declare it by hand (a crawler would find the same). */
    static String createCsvTable(String bucket) {
        return """
                CREATE EXTERNAL TABLE orders_csv (
                  order_id bigint, ordered_at timestamp, customer_id int, product string, category string,
                  quantity int, unit_price double, channel string, country string, shipping_address string)
                PARTITIONED BY (year string, month string)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
                LOCATION 's3://%s/%s'
                TBLPROPERTIES ('skip.header.line.count' = '1')""".formatted(bucket, RAW);
    }

    /** The learner's transformation: CSV to Snappy Parquet, partitioned like the source. */
    static String ctas(String bucket) {
        return """
                CREATE TABLE orders_parquet
                WITH (format = 'PARQUET',
                      write_compression = 'SNAPPY',
                      external_location = 's3://%s/%s',
                      partitioned_by = ARRAY['year', 'month'])
                AS SELECT order_id, ordered_at, customer_id, product, category, quantity, unit_price,
                          channel, country, shipping_address, year, month
                FROM orders_csv""".formatted(bucket, CURATED);
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        ctx.step("CTAS: orders_csv → orders_parquet (Parquet, Snappy, partitioned by year, month)", () ->
                AthenaQueries.run(ctx, database(ctx), results(ctx), ctas(bucket(ctx))));
        for (String table : List.of("orders_csv", "orders_parquet")) {
            ctx.step("The same query on " + table, () -> {
                AthenaQueries.Answer answer = AthenaQueries.run(ctx, database(ctx), results(ctx), query(table));
                ctx.note(String.format("%d rows, scanned %,d bytes", answer.dataRows().size(), answer.dataScannedInBytes()));
            });
        }
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("orders_parquet is a Parquet table partitioned by year and month in the lab bucket",
                        CtasChecks::parquetTableExists),
                Check.of("Its files in S3 are Parquet with Snappy-compressed column chunks",
                        CtasChecks::filesAreSnappyParquet),
                Check.of("orders_parquet has a partition for every month", CtasChecks::everyMonthIsAPartition),
                Check.of("The same query gives the same answer on both tables, and it matches the raw orders",
                        CtasChecks::sameAnswers),
                Check.of("With a partition filter, Parquet scans at least 5x fewer bytes than CSV",
                        CtasChecks::scansFiveTimesLess));
    }
}
