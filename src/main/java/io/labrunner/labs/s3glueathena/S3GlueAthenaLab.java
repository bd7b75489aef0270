package io.labrunner.labs.s3glueathena;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The data lake in three services: raw sales stay in S3 as the shops delivered them (CSV and
 * JSON, a folder per month), a Glue crawler reads them and writes tables and partitions into the
 * Data Catalog, and Athena answers SQL over the raw files through those tables.
 *
 * <p>Setup provides the bucket and the raw data; the learner creates the crawler's role, the
 * database and the crawler, runs it, and asks Athena two questions.
 */
public final class S3GlueAthenaLab implements Lab {
    static final String RAW_SALES = "raw/sales/";
    static final String RAW_REFUNDS = "raw/refunds/";
    static final String RESULTS = "athena-results/";
    static final String GLUE_MANAGED_POLICY = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole";

    /** The two questions for Athena, as the guide gives them; the checks look for their answers. */
    public static final String REVENUE_SQL = "SELECT year, month, count(*) AS orders, "
            + "round(sum(quantity * unit_price), 2) AS revenue FROM sales GROUP BY year, month ORDER BY year, month";
    public static final String REFUNDS_SQL = "SELECT reason, count(*) AS refunds, round(sum(amount), 2) AS refunded "
            + "FROM refunds GROUP BY reason ORDER BY reason";

    @Override
    public LabInfo info() {
        return new LabInfo(
                "s3-glue-athena",
                "Query raw files in S3 with SQL: a Glue crawler catalogs them, Athena queries them",
                "Six months of sales (CSV) and refunds (JSON) wait in S3 in year=/month= folders. Give a Glue"
                        + " crawler a role, let it write tables and partitions into the Data Catalog, and ask Athena"
                        + " for revenue by month and refunds by reason, without moving a byte.",
                "1 Data Preparation for Machine Learning",
                "1.1 Ingest and store data",
                List.of("Amazon S3", "AWS Glue", "Amazon Athena", "AWS IAM"),
                30,
                "< $0.05",
                Set.of(Capability.S3, Capability.IAM, Capability.GLUE_CATALOG, Capability.GLUE_CRAWLER,
                        Capability.ATHENA_SQL));
    }

    // Every name depends only on the run id, so each phase (and the learner) finds them again.

    static String bucket(RunNames ctx) {
        return ctx.name("lake");
    }

    /** Athena dislikes dashes in database names, so the database uses underscores. */
    static String database(RunNames ctx) {
        return ctx.name("sales").replace('-', '_');
    }

    static String role(RunNames ctx) {
        return ctx.name("crawler-role");
    }

    static String crawler(RunNames ctx) {
        return ctx.name("crawler");
    }

    static String results(RunNames ctx) {
        return "s3://" + bucket(ctx) + "/" + RESULTS;
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        names.put("ROLE", role(run));
        names.put("DB", database(run));
        names.put("CRAWLER", crawler(run));
        return names;
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () ->
                ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags())));
        RawSales.Data data = RawSales.generate();
        ctx.step("Upload " + data.sales().size() + " sales as CSV and " + data.refunds().size()
                + " refunds as JSON, one folder per month", () -> uploadRawData(ctx.s3(), bucket, data));
        // The learner creates these by hand. Recording their names now lets cleanup delete them
        // whoever made them; deleting one that was never made is no error.
        ctx.step("Reserve names for the database, role and crawler", () -> {
            ctx.create(Resource.glueDatabase(database(ctx)), () -> database(ctx));
            ctx.create(Resource.role(role(ctx)), () -> role(ctx));
            ctx.create(Resource.crawler(crawler(ctx)), () -> crawler(ctx));
        });
        ctx.note("bucket   " + bucket);
        ctx.note("database " + database(ctx) + "   role " + role(ctx) + "   crawler " + crawler(ctx));
    }

    private static void uploadRawData(S3Client s3, String bucket, RawSales.Data data) {
        for (YearMonth month : RawSales.MONTHS) {
            String folder = RawSales.partitionPath(month);
            LabBucket.putText(s3, bucket, RAW_SALES + folder + "sales.csv",
                    RawSales.salesCsv(data.sales(), month), "text/csv");
            LabBucket.putText(s3, bucket, RAW_REFUNDS + folder + "refunds.json",
                    RawSales.refundsJson(data.refunds(), month), "application/x-ndjson");
        }
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        String[] roleArn = new String[1];
        ctx.step("Create role " + role(ctx) + " that Glue may assume", () -> roleArn[0] =
                ctx.create(Resource.role(role(ctx)), () -> CrawlerRole.create(ctx.iam(), role(ctx), bucket, ctx.tags())));
        ctx.step("Create Glue database " + database(ctx), () ->
                ctx.create(Resource.glueDatabase(database(ctx)), () -> createDatabase(ctx.glue(), database(ctx))));
        ctx.step("Create crawler " + crawler(ctx) + " over the raw sales and refunds", () ->
                ctx.create(Resource.crawler(crawler(ctx)), () -> createCrawler(ctx, roleArn[0])));
        ctx.step("Run the crawler", () -> runCrawler(ctx, crawler(ctx)));
        ctx.step("Ask Athena for revenue by month", () -> showAnswer(ctx,
                AthenaQueries.run(ctx, database(ctx), results(ctx), REVENUE_SQL)));
        ctx.step("Ask Athena for refunds by reason", () -> showAnswer(ctx,
                AthenaQueries.run(ctx, database(ctx), results(ctx), REFUNDS_SQL)));
    }

    private static String createDatabase(GlueClient glue, String database) {
        glue.createDatabase(create -> create.databaseInput(input -> input.name(database)
                .description("Tables the crawler found in the raw sales data")));
        return database;
    }

    /**
     * Creates the crawler. A role created seconds ago may not have reached Glue yet (IAM is
     * eventually consistent), and Glue then answers "unable to assume provided role": try again.
     */
    private static String createCrawler(LabContext ctx, String roleArn) {
        String bucket = bucket(ctx);
        return ctx.waitFor("Glue to accept the new role", Duration.ofMinutes(2), Duration.ofSeconds(3), () -> {
            try {
                ctx.glue().createCrawler(create -> create
                        .name(crawler(ctx))
                        .role(roleArn)
                        .databaseName(database(ctx))
                        .targets(targets -> targets.s3Targets(
                                target -> target.path("s3://" + bucket + "/" + RAW_SALES),
                                target -> target.path("s3://" + bucket + "/" + RAW_REFUNDS)))
                        .tags(ctx.tags()));
                return Optional.of(crawler(ctx));
            } catch (InvalidInputException e) {
                if (e.getMessage() != null && e.getMessage().contains("unable to assume")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Starts the crawler and waits until it is READY again (Glue has no waiters in the SDK). */
    static void runCrawler(LabContext ctx, String name) {
        GlueClient glue = ctx.glue();
        glue.startCrawler(start -> start.name(name));
        Crawler done = ctx.waitFor("crawler " + name + " to finish", Duration.ofMinutes(10), Duration.ofMillis(300),
                () -> {
                    Crawler crawler = glue.getCrawler(get -> get.name(name)).crawler();
                    return crawler.state() == CrawlerState.READY ? Optional.of(crawler) : Optional.empty();
                });
        if (done.lastCrawl() == null || done.lastCrawl().status() != LastCrawlStatus.SUCCEEDED) {
            throw new IllegalStateException("The crawl did not succeed: "
                    + (done.lastCrawl() == null ? "no crawl recorded" : done.lastCrawl().errorMessage()));
        }
        ctx.note("tables: " + glue.getTables(get -> get.databaseName(done.databaseName())).tableList().stream()
                .map(t -> t.name()).toList());
    }

    private static void showAnswer(LabContext ctx, AthenaQueries.Answer answer) {
        for (List<String> row : answer.rows()) {
            ctx.note(String.join("  ", row.stream().map(v -> String.format("%-16s", v)).toList()).stripTrailing());
        }
        ctx.note(String.format("scanned %,d bytes", answer.dataScannedInBytes()));
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("The crawler's role trusts Glue, has AWSGlueServiceRole and may read the bucket",
                        LakeChecks::roleIsReadyForGlue),
                Check.of("The crawler has finished a successful crawl", LakeChecks::crawlerSucceeded),
                Check.of("Glue has a table for the sales and one for the refunds, with their columns",
                        LakeChecks::tablesHaveTheirColumns),
                Check.of("Every year/month folder is a partition of its table", LakeChecks::everyMonthIsAPartition),
                Check.of("Athena's revenue by month matches the raw sales", LakeChecks::revenueMatches),
                Check.of("Athena's refunds by reason match the raw refunds", LakeChecks::refundsMatch));
    }

    /** Months as the partition values the crawler reads from folder names: {@code [2025, 01]}. */
    static List<List<String>> partitionValues() {
        return RawSales.MONTHS.stream()
                .map(m -> List.of(Integer.toString(m.getYear()), String.format("%02d", m.getMonthValue())))
                .toList();
    }
}
