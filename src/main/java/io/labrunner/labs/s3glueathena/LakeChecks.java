package io.labrunner.labs.s3glueathena;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The judgements of {@link S3GlueAthenaLab}. Each reads the target's state — IAM, the Data
 * Catalog, the query results in S3 — and compares it with what the raw rows imply; the expected
 * answers are recomputed from the generated rows, never taken from Athena.
 */
final class LakeChecks {
    /** Money may come back as a double; a cent either way is the same answer. */
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private LakeChecks() {
    }

    static CheckResult roleIsReadyForGlue(LabContext ctx) {
        IamClient iam = ctx.iam();
        String role = S3GlueAthenaLab.role(ctx);
        String trust;
        try {
            // IAM returns policy documents URL-encoded.
            trust = URLDecoder.decode(iam.getRole(get -> get.roleName(role)).role().assumeRolePolicyDocument(),
                    StandardCharsets.UTF_8);
        } catch (NoSuchEntityException e) {
            return CheckResult.fail("there is no role " + role,
                    "Create it: aws iam create-role --role-name " + role + " --assume-role-policy-document file://trust.json");
        }
        if (!trust.contains("glue.amazonaws.com")) {
            return CheckResult.fail("the trust policy does not name glue.amazonaws.com: " + trust,
                    "The Principal must be {\"Service\": \"glue.amazonaws.com\"}: aws iam update-assume-role-policy");
        }
        List<String> attached = iam.listAttachedRolePoliciesPaginator(list -> list.roleName(role)).attachedPolicies()
                .stream().map(AttachedPolicy::policyArn).toList();
        if (!attached.contains(S3GlueAthenaLab.GLUE_MANAGED_POLICY)) {
            return CheckResult.fail("attached policies: " + attached,
                    "aws iam attach-role-policy --role-name " + role + " --policy-arn " + S3GlueAthenaLab.GLUE_MANAGED_POLICY);
        }
        String bucketArn = "arn:aws:s3:::" + S3GlueAthenaLab.bucket(ctx);
        for (String name : iam.listRolePoliciesPaginator(list -> list.roleName(role)).policyNames()) {
            String document = URLDecoder.decode(iam.getRolePolicy(get -> get.roleName(role).policyName(name))
                    .policyDocument(), StandardCharsets.UTF_8);
            if (document.contains(bucketArn) && document.contains("s3:GetObject")) {
                return CheckResult.pass("trusts glue.amazonaws.com; AWSGlueServiceRole; inline policy " + name
                        + " reads " + bucketArn);
            }
        }
        return CheckResult.fail("no inline policy allows s3:GetObject on " + bucketArn + "/*",
                "aws iam put-role-policy --role-name " + role + " --policy-name read-lab-bucket"
                        + " --policy-document file://read-bucket.json");
    }

    static CheckResult crawlerSucceeded(LabContext ctx) {
        String name = S3GlueAthenaLab.crawler(ctx);
        Crawler crawler;
        try {
            crawler = ctx.glue().getCrawler(get -> get.name(name)).crawler();
        } catch (EntityNotFoundException e) {
            return CheckResult.fail("there is no crawler " + name,
                    "Create it with aws glue create-crawler (see \"Your task\" in the guide), then aws glue start-crawler --name " + name);
        }
        if (crawler.lastCrawl() == null) {
            return CheckResult.fail("the crawler has never run (state " + crawler.state() + ")",
                    "aws glue start-crawler --name " + name);
        }
        if (!"SUCCEEDED".equals(crawler.lastCrawl().statusAsString())) {
            return CheckResult.fail("the last crawl " + crawler.lastCrawl().statusAsString() + ": "
                    + crawler.lastCrawl().errorMessage(), "Read the message; a role Glue cannot assume or read with"
                    + " is the usual cause. Then aws glue start-crawler --name " + name);
        }
        return CheckResult.pass("state " + crawler.state() + ", last crawl SUCCEEDED into " + crawler.databaseName());
    }

    static CheckResult tablesHaveTheirColumns(LabContext ctx) {
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, List<String>> expected : Map.of(
                "sales", RawSales.SALE_COLUMNS, "refunds", RawSales.REFUND_COLUMNS).entrySet()) {
            Optional<Table> table = table(ctx.glue(), S3GlueAthenaLab.database(ctx), expected.getKey());
            if (table.isEmpty()) {
                return CheckResult.fail("no table " + expected.getKey() + " in database " + S3GlueAthenaLab.database(ctx),
                        "Point the crawler at s3://" + S3GlueAthenaLab.bucket(ctx) + "/" + S3GlueAthenaLab.RAW_SALES
                                + " and .../" + S3GlueAthenaLab.RAW_REFUNDS + " and run it.");
            }
            List<String> columns = table.get().storageDescriptor().columns().stream().map(Column::name).toList();
            List<String> keys = table.get().partitionKeys().stream().map(Column::name).toList();
            if (!columns.equals(expected.getValue()) || !keys.equals(List.of("year", "month"))) {
                return CheckResult.fail(expected.getKey() + " has columns " + columns + " and partition keys " + keys
                        + "; expected " + expected.getValue() + " and [year, month]",
                        "Crawl the dataset's folder itself (raw/sales/), so year= and month= become partition keys.");
            }
            seen.add(expected.getKey() + " " + columns + " partitioned by " + keys);
        }
        return CheckResult.pass(String.join("; ", seen));
    }

    static CheckResult everyMonthIsAPartition(LabContext ctx) {
        Set<List<String>> expected = new HashSet<>(S3GlueAthenaLab.partitionValues());
        for (String name : List.of("sales", "refunds")) {
            String database = S3GlueAthenaLab.database(ctx);
            if (table(ctx.glue(), database, name).isEmpty()) {
                return CheckResult.fail("no table " + name + " in " + database, "Run the crawler first.");
            }
            Set<List<String>> found = new HashSet<>();
            ctx.glue().getPartitionsPaginator(get -> get.databaseName(database).tableName(name)).stream()
                    .flatMap(page -> page.partitions().stream()).map(Partition::values).forEach(found::add);
            if (!found.equals(expected)) {
                return CheckResult.fail(name + " has partitions " + found + ", expected " + expected,
                        "Run the crawler again after all months are uploaded.");
            }
        }
        return CheckResult.pass(expected.size() + " partitions (year, month) in each table");
    }

    static CheckResult revenueMatches(LabContext ctx) {
        Map<YearMonth, long[]> orders = new TreeMap<>();
        Map<YearMonth, BigDecimal> revenue = new TreeMap<>();
        for (RawSales.Sale sale : RawSales.generate().sales()) {
            orders.computeIfAbsent(sale.month(), m -> new long[1])[0]++;
            revenue.merge(sale.month(), sale.revenue(), BigDecimal::add);
        }
        List<List<String>> expected = new ArrayList<>();
        orders.forEach((month, count) -> expected.add(List.of(Integer.toString(month.getYear()),
                String.format("%02d", month.getMonthValue()), Long.toString(count[0]), revenue.get(month).toPlainString())));
        return answerMatches(ctx, List.of("year", "month", "orders", "revenue"), expected, S3GlueAthenaLab.REVENUE_SQL);
    }

    static CheckResult refundsMatch(LabContext ctx) {
        Map<String, long[]> count = new TreeMap<>();
        Map<String, BigDecimal> amount = new TreeMap<>();
        for (RawSales.Refund refund : RawSales.generate().refunds()) {
            count.computeIfAbsent(refund.reason(), r -> new long[1])[0]++;
            amount.merge(refund.reason(), refund.amount(), BigDecimal::add);
        }
        List<List<String>> expected = new ArrayList<>();
        count.forEach((reason, n) -> expected.add(List.of(reason, Long.toString(n[0]), amount.get(reason).toPlainString())));
        return answerMatches(ctx, List.of("reason", "refunds", "refunded"), expected, S3GlueAthenaLab.REFUNDS_SQL);
    }

    /**
     * Finds the newest Athena result file under {@code athena-results/} whose header is
     * {@code header} and compares its rows with {@code expected}: text exactly, numbers to the cent.
     */
    private static CheckResult answerMatches(LabContext ctx, List<String> header, List<List<String>> expected, String sql) {
        String bucket = S3GlueAthenaLab.bucket(ctx);
        String hint = "Run this query in database " + S3GlueAthenaLab.database(ctx) + " with the output location "
                + S3GlueAthenaLab.results(ctx) + ": " + sql;
        Optional<List<List<String>>> result = newestResultWithHeader(ctx.s3(), bucket, header);
        if (result.isEmpty()) {
            return CheckResult.fail("no query result with columns " + header + " under " + S3GlueAthenaLab.results(ctx), hint);
        }
        List<List<String>> rows = result.get().subList(1, result.get().size());
        if (rows.size() != expected.size()) {
            return CheckResult.fail(rows.size() + " rows, expected " + expected.size() + ": " + rows, hint);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!sameRow(rows.get(i), expected.get(i))) {
                return CheckResult.fail("row " + (i + 1) + " is " + rows.get(i) + ", expected " + expected.get(i), hint);
            }
        }
        return CheckResult.pass(rows.size() + " rows, each equal to the totals of the raw rows, e.g. " + rows.get(0));
    }

    private static boolean sameRow(List<String> actual, List<String> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            String a = actual.get(i);
            String e = expected.get(i);
            if (a == null || !(a.equals(e) || closeNumbers(a, e))) {
                return false;
            }
        }
        return true;
    }

    private static boolean closeNumbers(String a, String e) {
        try {
            return new BigDecimal(a).subtract(new BigDecimal(e)).abs().compareTo(CENT) < 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** Athena writes each SELECT's result as {@code <QueryExecutionId>.csv}: every value quoted, header first. */
    private static Optional<List<List<String>>> newestResultWithHeader(S3Client s3, String bucket, List<String> header) {
        List<S3Object> csvFiles = s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(S3GlueAthenaLab.RESULTS))
                .contents().stream()
                .filter(o -> o.key().endsWith(".csv"))
                .sorted(Comparator.comparing(S3Object::lastModified).reversed())
                .toList();
        for (S3Object file : csvFiles) {
            String text = s3.getObjectAsBytes(get -> get.bucket(bucket).key(file.key())).asUtf8String();
            List<List<String>> rows = text.lines().map(LakeChecks::csvRow).toList();
            if (!rows.isEmpty() && rows.get(0).equals(header)) {
                return Optional.of(rows);
            }
        }
        return Optional.empty();
    }

    /** One line of Athena's result CSV; these answers hold no commas or quotes inside values. */
    private static List<String> csvRow(String line) {
        List<String> values = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            values.add(cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1) : cell);
        }
        return values;
    }

    static Optional<Table> table(GlueClient glue, String database, String name) {
        try {
            return Optional.of(glue.getTable(get -> get.databaseName(database).name(name)).table());
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }
}
