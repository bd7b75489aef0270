package io.labrunner.labs.athenactas;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import io.labrunner.labs.s3glueathena.AnswerDiff;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The judgements of {@link AthenaCtasParquetLab}: the Parquet table's entry in the Data Catalog,
 * its files in S3, and the checks' own Athena queries over both tables — answers and bytes
 * scanned. Hints go from what differs to the CTAS itself, in that order.
 */
final class CtasChecks {
    static final String PARQUET = "orders_parquet";
    private static final List<String> ANSWER_HEADER = List.of("category", "orders", "revenue");

    private CtasChecks() {
    }

    /** The last tier of most hints: start over with the guide's CTAS. */
    private static String redoCtas() {
        return "aws $ENDPOINT s3 rm s3://$BUCKET/" + AthenaCtasParquetLab.CURATED + " --recursive; ask \"DROP TABLE IF"
                + " EXISTS " + PARQUET + "\"; then ask \"" + AthenaCtasParquetLab.ctas("$BUCKET").replaceAll("\\s+", " ")
                + "\"";
    }

    private static final String REDO_WHY = "A table's format, compression and partitions are fixed when CTAS writes"
            + " it: drop the table, delete its files (DROP TABLE leaves them, and CTAS refuses a location that is not"
            + " empty), and run the CTAS again.";

    private static Optional<Table> parquetTable(LabContext ctx) {
        try {
            return Optional.of(ctx.glue().getTable(get -> get.databaseName(AthenaCtasParquetLab.database(ctx))
                    .name(PARQUET)).table());
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }

    private static CheckResult noTable(LabContext ctx) {
        return CheckResult.fail("no table " + PARQUET + " in " + AthenaCtasParquetLab.database(ctx),
                "There is no table " + PARQUET + " in $DB yet: the CTAS statement creates it.",
                "CREATE TABLE " + PARQUET + " WITH (format, write_compression, external_location, partitioned_by)"
                        + " AS SELECT ... FROM orders_csv: the WITH clause decides how the new table is stored.",
                redoCtas());
    }

    static CheckResult parquetTableExists(LabContext ctx) {
        Optional<Table> table = parquetTable(ctx);
        if (table.isEmpty()) {
            return noTable(ctx);
        }
        var sd = table.get().storageDescriptor();
        String serde = sd.serdeInfo() == null ? "" : String.valueOf(sd.serdeInfo().serializationLibrary());
        List<String> keys = table.get().partitionKeys().stream().map(Column::name).toList();
        String bucketUri = "s3://" + AthenaCtasParquetLab.bucket(ctx) + "/";
        if (!serde.toLowerCase().contains("parquet")) {
            return CheckResult.fail(PARQUET + " is stored with " + serde,
                    PARQUET + " is not Parquet: the catalog says its rows are read with " + serde + ".",
                    "The WITH clause's format = '...' chooses the files CTAS writes; this lab wants 'PARQUET'. "
                            + REDO_WHY, redoCtas());
        }
        if (!keys.equals(List.of("year", "month"))) {
            return CheckResult.fail(PARQUET + " is partitioned by " + keys,
                    keys.isEmpty() ? PARQUET + " has no partition keys: all of a year's rows share one folder, so a"
                            + " WHERE on the month cannot skip any of it."
                            : PARQUET + " is partitioned by " + keys + ", not by year and month.",
                    "partitioned_by = ARRAY['year', 'month'] writes one folder per month; the partition columns must"
                            + " be the last ones in the SELECT, in that order. " + REDO_WHY, redoCtas());
        }
        if (sd.location() == null || !sd.location().startsWith(bucketUri)) {
            return CheckResult.fail(PARQUET + " is stored at " + sd.location(),
                    PARQUET + "'s files are at " + sd.location() + ", outside the lab bucket.",
                    "external_location decides where CTAS writes; without it Athena picks a place under the query"
                            + " results. " + REDO_WHY, redoCtas());
        }
        return CheckResult.pass(serde + ", partitioned by " + keys + ", at " + sd.location());
    }

    /** The files themselves, read from S3: the catalog entry could say Parquet over any bytes. */
    static CheckResult filesAreSnappyParquet(LabContext ctx) throws Exception {
        Optional<Table> table = parquetTable(ctx);
        if (table.isEmpty()) {
            return noTable(ctx);
        }
        String location = table.get().storageDescriptor().location();
        String bucketUri = "s3://" + AthenaCtasParquetLab.bucket(ctx) + "/";
        if (location == null || !location.startsWith(bucketUri)) {
            return CheckResult.fail(PARQUET + " is stored at " + location + ", outside the lab bucket",
                    "The first check says where the files went; fix that first.", redoCtas());
        }
        ParquetFiles.Survey files = ParquetFiles.survey(ctx.s3(), location);
        if (files.files() == 0) {
            return CheckResult.fail("no files under " + location,
                    "There are no files under " + location + ": the table is defined but holds no data.",
                    "CTAS writes the rows of its SELECT; a SELECT that returned nothing writes nothing. " + REDO_WHY,
                    redoCtas());
        }
        if (!files.notParquet().isEmpty()) {
            return CheckResult.fail(files.notParquet().size() + " of " + files.files() + " files under " + location
                            + " are not Parquet, e.g. " + files.notParquet().get(0),
                    files.notParquet().size() + " of the " + files.files() + " files under " + location
                            + " do not start and end with PAR1, the Parquet magic bytes.",
                    "Look at one: aws $ENDPOINT s3 cp s3://$BUCKET/" + AthenaCtasParquetLab.CURATED
                            + files.notParquet().get(0) + " - | head -c 200. " + REDO_WHY, redoCtas());
        }
        if (!files.codecs().equals(Set.of("SNAPPY"))) {
            return CheckResult.fail("column chunks compressed with " + files.codecs(),
                    "The Parquet files' column chunks are " + files.codecs() + ", not SNAPPY.",
                    "write_compression = 'SNAPPY' in the WITH clause sets the codec of every column chunk. " + REDO_WHY,
                    redoCtas());
        }
        return CheckResult.pass(String.format("%d Parquet files, %,d bytes, column chunks %s", files.files(),
                files.bytes(), files.codecs()));
    }

    static CheckResult everyMonthIsAPartition(LabContext ctx) {
        if (parquetTable(ctx).isEmpty()) {
            return noTable(ctx);
        }
        List<List<String>> expected = new ArrayList<>();
        for (YearMonth m : Orders.months()) {
            expected.add(List.of(Integer.toString(m.getYear()), String.format("%02d", m.getMonthValue())));
        }
        Set<List<String>> found = new HashSet<>();
        ctx.glue().getPartitionsPaginator(get -> get.databaseName(AthenaCtasParquetLab.database(ctx)).tableName(PARQUET))
                .stream().flatMap(page -> page.partitions().stream()).map(Partition::values).forEach(found::add);
        List<List<String>> missing = expected.stream().filter(p -> !found.contains(p)).toList();
        if (!missing.isEmpty() || found.size() != expected.size()) {
            return CheckResult.fail(found.size() + " partitions: " + found,
                    found.isEmpty() ? PARQUET + " has no partitions in the catalog."
                            : PARQUET + " has " + found.size() + " partitions; " + missing + " are missing.",
                    "CTAS registers one partition per year/month its SELECT returns: a WHERE in the CTAS, or a SELECT"
                            + " without year and month as its last columns, leaves months out. " + REDO_WHY,
                    redoCtas());
        }
        return CheckResult.pass(found.size() + " partitions, year=2025/month=01 to month=12");
    }

    static CheckResult sameAnswers(LabContext ctx) {
        if (parquetTable(ctx).isEmpty()) {
            return noTable(ctx);
        }
        List<List<String>> expected = expectedAnswer();
        CheckQueries.Answer csv = CheckQueries.ask(ctx, AthenaCtasParquetLab.query("orders_csv"));
        CheckQueries.Answer parquet = CheckQueries.ask(ctx, AthenaCtasParquetLab.query(PARQUET));
        if (!parquet.succeeded()) {
            return CheckResult.fail("the query on " + PARQUET + " " + parquet.state() + ": " + parquet.reason(),
                    "Athena cannot answer the query on " + PARQUET + ": " + parquet.reason(),
                    "The query needs the columns category, quantity, unit_price, year and month. " + REDO_WHY,
                    redoCtas());
        }
        AnswerDiff diff = new AnswerDiff(ANSWER_HEADER, 1);
        Optional<AnswerDiff.Difference> fromCsv = diff.compare(parquet.rows(), csv.rows(), List.of());
        if (fromCsv.isPresent()) {
            return CheckResult.fail("CSV says " + csv.rows() + " but Parquet says " + parquet.rows(),
                    "The two tables disagree on March: " + fromCsv.get().nudge(),
                    fromCsv.get().particulars() + " CTAS copies what its SELECT returns: select every column of"
                            + " orders_csv as it is, no WHERE, no CAST, year and month last.",
                    redoCtas());
        }
        Optional<AnswerDiff.Difference> fromRaw = diff.compare(parquet.rows(), expected, List.of());
        if (fromRaw.isPresent()) {
            return CheckResult.fail("both tables say " + parquet.rows() + "; the raw orders say " + expected,
                    "Both tables agree, but not with the raw orders: " + fromRaw.get().nudge(),
                    fromRaw.get().particulars() + " Has orders_csv been changed since setup?",
                    "./lab cleanup athena-ctas-parquet, then ./lab start athena-ctas-parquet for a fresh copy");
        }
        return CheckResult.pass(parquet.rows().size() + " categories, identical on both tables and equal to the raw orders");
    }

    static CheckResult scansFiveTimesLess(LabContext ctx) {
        Optional<Table> table = parquetTable(ctx);
        if (table.isEmpty()) {
            return noTable(ctx);
        }
        CheckQueries.Answer csvAnswer = CheckQueries.ask(ctx, AthenaCtasParquetLab.query("orders_csv"));
        CheckQueries.Answer parquetAnswer = CheckQueries.ask(ctx, AthenaCtasParquetLab.query(PARQUET));
        long csv = csvAnswer.scannedBytes();
        long parquet = parquetAnswer.scannedBytes();
        ctx.note(String.format("%-16s %,12d bytes scanned", "orders_csv", csv));
        ctx.note(String.format("%-16s %,12d bytes scanned", PARQUET, parquet));
        if (parquet > 0 && csv >= 5 * parquet) {
            return CheckResult.pass(String.format("Parquet scanned %.1fx fewer bytes (%,d vs %,d)",
                    (double) csv / parquet, parquet, csv));
        }
        String detail = String.format("CSV %,d bytes, Parquet %,d bytes", csv, parquet);
        if (!parquetAnswer.succeeded()) {
            return CheckResult.fail(detail + "; the query on Parquet " + parquetAnswer.state(),
                    "The query on " + PARQUET + " did not succeed (" + parquetAnswer.reason() + "), so it scanned"
                            + " nothing to compare.", redoCtas());
        }
        boolean partitioned = table.get().partitionKeys().stream().map(Column::name).toList()
                .equals(List.of("year", "month"));
        String serde = String.valueOf(table.get().storageDescriptor().serdeInfo().serializationLibrary());
        String why = !serde.toLowerCase().contains("parquet")
                ? PARQUET + " is not Parquet (" + serde + "): a row format reads every column of every row."
                : !partitioned ? PARQUET + " is not partitioned by year and month: the March filter cannot skip the"
                        + " other eleven months, so Athena reads them all (the CSV table skips them)."
                : "Parquet scanned only " + String.format("%.1f", parquet == 0 ? 0 : (double) csv / parquet)
                        + "x fewer bytes: look at the files' compression (the check above) and at which columns the"
                        + " query reads.";
        return CheckResult.fail(detail, why,
                "The CSV table is partitioned too, so with the month filter the difference is the format alone:"
                        + " three of ten columns, compressed. " + REDO_WHY, redoCtas());
    }

    /** The query's answer computed from the generated orders. */
    static List<List<String>> expectedAnswer() {
        Map<String, long[]> count = new TreeMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        YearMonth month = YearMonth.of(2025, Integer.parseInt(AthenaCtasParquetLab.MONTH));
        for (Orders.Order o : Orders.generate()) {
            if (o.month().equals(month)) {
                count.computeIfAbsent(o.category(), c -> new long[1])[0]++;
                revenue.merge(o.category(), o.revenue(), BigDecimal::add);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        count.forEach((category, n) -> rows.add(List.of(category, Long.toString(n[0]), revenue.get(category).toPlainString())));
        return rows;
    }
}
