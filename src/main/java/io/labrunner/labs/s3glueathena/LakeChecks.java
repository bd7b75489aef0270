package io.labrunner.labs.s3glueathena;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The judgements of {@link S3GlueAthenaLab}. Each reads the target's state — IAM, the Data
 * Catalog, the query results in S3 — and compares it with what the raw rows imply; the expected
 * answers are recomputed from the generated rows, never taken from Athena.
 */
final class LakeChecks {
    private LakeChecks() {
    }

    static CheckResult roleIsReadyForGlue(LabContext ctx) {
        IamClient iam = ctx.iam();
        String role = S3GlueAthenaLab.role(ctx);
        String trust;
        String roleArn;
        try {
            Role found = iam.getRole(get -> get.roleName(role)).role();
            roleArn = found.arn();
            // IAM returns policy documents URL-encoded.
            trust = URLDecoder.decode(found.assumeRolePolicyDocument(), StandardCharsets.UTF_8);
        } catch (NoSuchEntityException e) {
            return CheckResult.fail("there is no role " + role,
                    "There is no role " + role + " yet: a crawler runs as a role, and this one has to exist first.",
                    "A role is a trust policy (who may assume it: here the Glue service) plus permission policies"
                            + " (what it may do). Write trust.json as in step 3 of the guide.",
                    "aws $ENDPOINT iam create-role --role-name $ROLE --assume-role-policy-document file://trust.json");
        }
        ServiceTrust.Verdict glue = ServiceTrust.judge(trust, "glue.amazonaws.com");
        if (!glue.trusted()) {
            return CheckResult.fail("the trust policy does not let glue.amazonaws.com assume the role: " + glue.why()
                            + ": " + trust.replaceAll("\\s+", " "),
                    "The role exists, but its trust policy does not let Glue assume it: " + glue.why() + ".",
                    "The trust policy needs a statement with \"Effect\": \"Allow\", \"Principal\": {\"Service\":"
                            + " \"glue.amazonaws.com\"} and \"Action\": \"sts:AssumeRole\", the service that runs the"
                            + " crawler, and no Deny of it.",
                    "aws $ENDPOINT iam update-assume-role-policy --role-name $ROLE --policy-document file://trust.json");
        }
        List<String> attached = iam.listAttachedRolePoliciesPaginator(list -> list.roleName(role)).attachedPolicies()
                .stream().map(AttachedPolicy::policyArn).toList();
        if (!attached.contains(S3GlueAthenaLab.GLUE_MANAGED_POLICY)) {
            return CheckResult.fail("attached policies: " + attached,
                    "The role may be assumed by Glue but has " + (attached.isEmpty() ? "no managed policy attached"
                            : "only " + attached + " attached") + ": a crawler also writes tables to the Data Catalog"
                            + " and logs, which AWS's managed policy AWSGlueServiceRole allows.",
                    "Attach " + S3GlueAthenaLab.GLUE_MANAGED_POLICY + " (a managed policy: attach, don't copy).",
                    "aws $ENDPOINT iam attach-role-policy --role-name $ROLE --policy-arn "
                            + S3GlueAthenaLab.GLUE_MANAGED_POLICY);
        }
        return BucketReadPolicy.judge(iam, role, roleArn, S3GlueAthenaLab.bucket(ctx));
    }

    static CheckResult crawlerSucceeded(LabContext ctx) {
        String name = S3GlueAthenaLab.crawler(ctx);
        Crawler crawler;
        try {
            crawler = ctx.glue().getCrawler(get -> get.name(name)).crawler();
        } catch (EntityNotFoundException e) {
            return CheckResult.fail("there is no crawler " + name,
                    "There is no crawler " + name + " yet.",
                    "A crawler needs a name, the role's ARN, the database it writes tables into, and the S3 folders"
                            + " to read: one target per dataset (raw/sales/ and raw/refunds/).",
                    "aws $ENDPOINT glue create-crawler --name $CRAWLER --role $ROLE_ARN --database-name $DB"
                            + " --targets \"S3Targets=[{Path=s3://$BUCKET/raw/sales/},{Path=s3://$BUCKET/raw/refunds/}]\"");
        }
        if (crawler.lastCrawl() == null) {
            boolean running = !"READY".equals(crawler.stateAsString());
            return CheckResult.fail("the crawler has not finished a crawl (state " + crawler.stateAsString() + ")",
                    running ? "The crawler is " + crawler.stateAsString() + ": wait until its state is READY again."
                            : "The crawler exists but has never run.",
                    "Watch it with aws $ENDPOINT glue get-crawler --name $CRAWLER --query 'Crawler.[State,LastCrawl.Status]'.",
                    running ? "" : "aws $ENDPOINT glue start-crawler --name $CRAWLER");
        }
        if (!"SUCCEEDED".equals(crawler.lastCrawl().statusAsString())) {
            String message = crawler.lastCrawl().errorMessage();
            return CheckResult.fail("the last crawl " + crawler.lastCrawl().statusAsString() + ": " + message,
                    "The last crawl " + crawler.lastCrawl().statusAsString() + " with: " + message,
                    "A crawl fails when Glue cannot assume the role or the role cannot read the bucket: the first"
                            + " check above says which.",
                    "Fix the role, then aws $ENDPOINT glue start-crawler --name $CRAWLER");
        }
        return CheckResult.pass("state " + crawler.state() + ", last crawl SUCCEEDED into " + crawler.databaseName());
    }

    static CheckResult tablesHaveTheirColumns(LabContext ctx) {
        String database = S3GlueAthenaLab.database(ctx);
        List<Table> tables;
        try {
            tables = ctx.glue().getTablesPaginator(get -> get.databaseName(database)).stream()
                    .flatMap(page -> page.tableList().stream()).toList();
        } catch (EntityNotFoundException e) {
            return CheckResult.fail("there is no database " + database,
                    "There is no Glue database " + database + ": the crawler writes its tables into one.",
                    "A Glue database is only a namespace for tables; create it before the crawler.",
                    "aws $ENDPOINT glue create-database --database-input Name=$DB");
        }
        String bucketUri = "s3://" + S3GlueAthenaLab.bucket(ctx) + "/";
        List<String> datasets = List.of(bucketUri + S3GlueAthenaLab.RAW_SALES, bucketUri + S3GlueAthenaLab.RAW_REFUNDS);
        List<String> strays = tables.stream()
                .filter(t -> !List.of("sales", "refunds").contains(t.name()))
                .map(t -> t.name() + " (" + t.storageDescriptor().location() + ")").toList();
        if (!strays.isEmpty()) {
            return CheckResult.fail(database + " holds tables other than sales and refunds: " + strays,
                    "The crawler made tables you did not ask for: " + strays + ". Its targets reach above the two"
                            + " dataset folders, so it catalogued other folders too (query results, or both datasets"
                            + " as one table).",
                    "A crawler turns each target's folder into tables and the folders below into partitions. Give it"
                            + " exactly " + datasets + " as two S3 targets, delete the stray tables, and crawl again.",
                    "aws $ENDPOINT glue update-crawler --name $CRAWLER --targets \"S3Targets=[{Path=s3://$BUCKET/raw/sales/},"
                            + "{Path=s3://$BUCKET/raw/refunds/}]\"; aws $ENDPOINT glue delete-table --database-name $DB"
                            + " --name <stray table>; aws $ENDPOINT glue start-crawler --name $CRAWLER");
        }
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, List<String>> expected : new TreeMap<>(Map.of(
                "refunds", RawSales.REFUND_COLUMNS, "sales", RawSales.SALE_COLUMNS)).descendingMap().entrySet()) {
            Optional<Table> table = tables.stream().filter(t -> t.name().equals(expected.getKey())).findFirst();
            if (table.isEmpty()) {
                return CheckResult.fail("no table " + expected.getKey() + " in database " + database,
                        tables.isEmpty() ? "The database " + database + " has no tables: the crawler has not written"
                                + " any yet." : "There is no table " + expected.getKey() + " in " + database + ".",
                        "The crawler names each table after the folder it found it in: point it at "
                                + datasets + " and run it.",
                        "aws $ENDPOINT glue start-crawler --name $CRAWLER");
            }
            List<String> columns = table.get().storageDescriptor().columns().stream().map(Column::name).toList();
            List<String> keys = table.get().partitionKeys().stream().map(Column::name).toList();
            if (!keys.equals(List.of("year", "month"))) {
                return CheckResult.fail(expected.getKey() + " is partitioned by " + keys + ", expected [year, month]",
                        "The table " + expected.getKey() + " is partitioned by " + keys + ", not by the year= and month="
                                + " folders.",
                        "Partition keys come from the folders below a crawler's target: with the target "
                                + table.get().storageDescriptor().location() + " they are " + keys + ".",
                        "Crawl " + datasets + " (the dataset folders themselves).");
            }
            if (!columns.equals(expected.getValue())) {
                return CheckResult.fail(expected.getKey() + " has columns " + columns + "; expected " + expected.getValue(),
                        "The table " + expected.getKey() + " has the columns " + columns + ", not those of the files"
                                + " in " + table.get().storageDescriptor().location() + ".",
                        "The crawler reads the columns from the files; a table built from another folder, or by hand,"
                                + " has others. Delete it and crawl the dataset folder again.",
                        "aws $ENDPOINT glue delete-table --database-name $DB --name " + expected.getKey()
                                + "; aws $ENDPOINT glue start-crawler --name $CRAWLER");
            }
            seen.add(expected.getKey() + " " + columns + " partitioned by " + keys);
        }
        return CheckResult.pass(String.join("; ", seen));
    }

    static CheckResult everyMonthIsAPartition(LabContext ctx) {
        List<List<String>> expected = S3GlueAthenaLab.partitionValues();
        String database = S3GlueAthenaLab.database(ctx);
        for (String name : List.of("sales", "refunds")) {
            if (table(ctx.glue(), database, name).isEmpty()) {
                return CheckResult.fail("no table " + name + " in " + database,
                        "There is no table " + name + " yet, so no partitions either: the check above says why.",
                        "aws $ENDPOINT glue start-crawler --name $CRAWLER");
            }
            Set<List<String>> found = new HashSet<>();
            ctx.glue().getPartitionsPaginator(get -> get.databaseName(database).tableName(name)).stream()
                    .flatMap(page -> page.partitions().stream()).map(Partition::values).forEach(found::add);
            List<List<String>> missing = expected.stream().filter(p -> !found.contains(p)).toList();
            if (!missing.isEmpty() || found.size() != expected.size()) {
                return CheckResult.fail(name + " has partitions " + found + ", expected " + expected,
                        name + " has " + found.size() + " partitions; the months " + missing + " are not among them.",
                        "A crawler registers the folders that exist when it runs; folders added later become"
                                + " partitions only at the next crawl (or with MSCK REPAIR TABLE in Athena).",
                        "aws $ENDPOINT glue start-crawler --name $CRAWLER");
            }
        }
        return CheckResult.pass(expected.size() + " partitions (year, month) in each table");
    }

    static CheckResult revenueMatches(LabContext ctx) {
        RawSales.Data data = RawSales.generate();
        Map<YearMonth, Long> orders = new TreeMap<>();
        Map<YearMonth, Long> units = new TreeMap<>();
        Map<YearMonth, BigDecimal> revenue = new TreeMap<>();
        Map<YearMonth, BigDecimal> prices = new TreeMap<>();
        Map<YearMonth, BigDecimal> refunded = new TreeMap<>();
        for (RawSales.Sale sale : data.sales()) {
            orders.merge(sale.month(), 1L, Long::sum);
            units.merge(sale.month(), (long) sale.quantity(), Long::sum);
            revenue.merge(sale.month(), sale.revenue(), BigDecimal::add);
            prices.merge(sale.month(), sale.unitPrice(), BigDecimal::add);
        }
        data.refunds().forEach(r -> refunded.merge(r.month(), r.amount(), BigDecimal::add));
        List<List<String>> expected = new ArrayList<>();
        List<List<String>> unitsCounted = new ArrayList<>();
        List<List<String>> withoutQuantity = new ArrayList<>();
        List<List<String>> net = new ArrayList<>();
        orders.forEach((month, count) -> {
            String year = Integer.toString(month.getYear());
            String mm = String.format("%02d", month.getMonthValue());
            expected.add(List.of(year, mm, count.toString(), revenue.get(month).toPlainString()));
            unitsCounted.add(List.of(year, mm, units.get(month).toString(), revenue.get(month).toPlainString()));
            withoutQuantity.add(List.of(year, mm, count.toString(), prices.get(month).toPlainString()));
            net.add(List.of(year, mm, count.toString(),
                    revenue.get(month).subtract(refunded.getOrDefault(month, BigDecimal.ZERO)).toPlainString()));
        });
        List<AnswerDiff.Mistake> mistakes = List.of(
                new AnswerDiff.Mistake(unitsCounted, "Your orders column counts units sold (the sum of quantity):"
                        + " an order is one row of the sales files, however many units it has."),
                new AnswerDiff.Mistake(withoutQuantity, "Your revenue equals the sum of unit_price: an order of"
                        + " three lamps earns three times the price. Where does quantity come in?"),
                new AnswerDiff.Mistake(net, "Your revenue is the month's sales minus its refunds: the question asks"
                        + " for gross revenue, what was sold; refunds are the second question."));
        return answerMatches(ctx, List.of("year", "month", "orders", "revenue"), 2, expected, mistakes,
                S3GlueAthenaLab.REVENUE_SQL);
    }

    static CheckResult refundsMatch(LabContext ctx) {
        Map<String, Long> count = new TreeMap<>();
        Map<String, BigDecimal> amount = new TreeMap<>();
        for (RawSales.Refund refund : RawSales.generate().refunds()) {
            count.merge(refund.reason(), 1L, Long::sum);
            amount.merge(refund.reason(), refund.amount(), BigDecimal::add);
        }
        List<List<String>> expected = new ArrayList<>();
        count.forEach((reason, n) -> expected.add(List.of(reason, n.toString(), amount.get(reason).toPlainString())));
        return answerMatches(ctx, List.of("reason", "refunds", "refunded"), 1, expected, List.of(),
                S3GlueAthenaLab.REFUNDS_SQL);
    }

    /**
     * Finds the newest Athena result file under {@code athena-results/} whose header is
     * {@code header} and compares its rows with {@code expected}: text exactly, numbers to the cent.
     * A wrong answer gets, in tiers, what differs, the particulars, and only then the query.
     */
    private static CheckResult answerMatches(LabContext ctx, List<String> header, int keyColumns,
                                             List<List<String>> expected, List<AnswerDiff.Mistake> mistakes, String sql) {
        String solution = "In database $DB with the output location s3://$BUCKET/" + S3GlueAthenaLab.RESULTS
                + ": ask \"" + sql + "\"";
        List<List<List<String>>> results = ResultFiles.newestFirst(ctx.s3(), S3GlueAthenaLab.bucket(ctx),
                S3GlueAthenaLab.RESULTS);
        Optional<List<List<String>>> result = ResultFiles.newestWithHeader(results, header);
        if (result.isEmpty()) {
            String where = S3GlueAthenaLab.results(ctx);
            if (results.isEmpty()) {
                return CheckResult.fail("no query result under " + where,
                        "There is no query result in " + where + " yet: Athena writes every result there as a CSV"
                                + " file, and this check reads it from there.",
                        "Start the query with --result-configuration OutputLocation=" + where
                                + " and --query-execution-context Database=$DB (the ask function in the guide does).",
                        solution);
            }
            List<String> newest = results.get(0).isEmpty() ? List.of() : results.get(0).get(0);
            return CheckResult.fail("no query result with columns " + header + " under " + where
                            + "; the newest has " + newest,
                    "None of your " + results.size() + " results has the columns " + header + "; the newest has "
                            + newest + ". Name each column as the question does, with AS.",
                    "The check finds your answer by its header row: " + String.join(", ", header) + ", in that order.",
                    solution);
        }
        List<List<String>> rows = result.get().subList(1, result.get().size());
        Optional<AnswerDiff.Difference> difference = new AnswerDiff(header, keyColumns).compare(rows, expected, mistakes);
        if (difference.isPresent()) {
            return CheckResult.fail(rows.size() + " rows, expected " + expected.size() + "; "
                            + difference.get().particulars() + " Your rows: " + rows,
                    difference.get().nudge(), difference.get().particulars(), solution);
        }
        return CheckResult.pass(rows.size() + " rows, each equal to the totals of the raw rows, e.g. " + rows.get(0));
    }

    static Optional<Table> table(GlueClient glue, String database, String name) {
        try {
            return Optional.of(glue.getTable(get -> get.databaseName(database).name(name)).table());
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }
}
