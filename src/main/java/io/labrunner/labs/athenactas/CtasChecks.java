package io.labrunner.labs.athenactas;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import io.labrunner.labs.s3glueathena.AthenaQueries;
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
 * The judgements of {@link AthenaCtasParquetLab}: the Parquet table's definition in the Data
 * Catalog, and the checks' own Athena queries over both tables — answers and bytes scanned.
 */
final class CtasChecks {
    static final String PARQUET = "orders_parquet";
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private CtasChecks() {
    }

    private static String ctasHint(LabContext ctx) {
        return "Run the CTAS from the guide in database " + AthenaCtasParquetLab.database(ctx) + ":\n"
                + AthenaCtasParquetLab.ctas(AthenaCtasParquetLab.bucket(ctx));
    }

    private static Optional<Table> parquetTable(LabContext ctx) {
        try {
            return Optional.of(ctx.glue().getTable(get -> get.databaseName(AthenaCtasParquetLab.database(ctx))
                    .name(PARQUET)).table());
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }

    static CheckResult parquetTableExists(LabContext ctx) {
        Optional<Table> table = parquetTable(ctx);
        if (table.isEmpty()) {
            return CheckResult.fail("no table " + PARQUET + " in " + AthenaCtasParquetLab.database(ctx), ctasHint(ctx));
        }
        var sd = table.get().storageDescriptor();
        String serde = sd.serdeInfo() == null ? "" : String.valueOf(sd.serdeInfo().serializationLibrary());
        List<String> keys = table.get().partitionKeys().stream().map(Column::name).toList();
        String bucketUri = "s3://" + AthenaCtasParquetLab.bucket(ctx) + "/";
        if (!serde.toLowerCase().contains("parquet")) {
            return CheckResult.fail(PARQUET + " is stored with " + serde, "Add format = 'PARQUET' to the WITH clause.");
        }
        if (!keys.equals(List.of("year", "month"))) {
            return CheckResult.fail(PARQUET + " is partitioned by " + keys,
                    "Add partitioned_by = ARRAY['year', 'month'] and select year, month as the last columns.");
        }
        if (sd.location() == null || !sd.location().startsWith(bucketUri)) {
            return CheckResult.fail(PARQUET + " is stored at " + sd.location(),
                    "Set external_location = '" + bucketUri + AthenaCtasParquetLab.CURATED + "'.");
        }
        return CheckResult.pass(serde + ", partitioned by " + keys + ", at " + sd.location());
    }

    static CheckResult everyMonthIsAPartition(LabContext ctx) {
        if (parquetTable(ctx).isEmpty()) {
            return CheckResult.fail("no table " + PARQUET, ctasHint(ctx));
        }
        Set<List<String>> expected = new HashSet<>();
        for (YearMonth m : Orders.months()) {
            expected.add(List.of(Integer.toString(m.getYear()), String.format("%02d", m.getMonthValue())));
        }
        Set<List<String>> found = new HashSet<>();
        ctx.glue().getPartitionsPaginator(get -> get.databaseName(AthenaCtasParquetLab.database(ctx)).tableName(PARQUET))
                .stream().flatMap(page -> page.partitions().stream()).map(Partition::values).forEach(found::add);
        if (!found.equals(expected)) {
            return CheckResult.fail(found.size() + " partitions: " + found, ctasHint(ctx));
        }
        return CheckResult.pass(found.size() + " partitions, year=2025/month=01 to month=12");
    }

    static CheckResult sameAnswers(LabContext ctx) {
        if (parquetTable(ctx).isEmpty()) {
            return CheckResult.fail("no table " + PARQUET, ctasHint(ctx));
        }
        List<List<String>> csv = ask(ctx, "orders_csv").dataRows();
        List<List<String>> parquet = ask(ctx, PARQUET).dataRows();
        List<List<String>> expected = expectedAnswer();
        if (!same(parquet, csv)) {
            return CheckResult.fail("CSV says " + csv + " but Parquet says " + parquet,
                    "Select every column of orders_csv in the CTAS, year and month last.");
        }
        if (!same(parquet, expected)) {
            return CheckResult.fail("both tables say " + parquet + "; the raw orders say " + expected, ctasHint(ctx));
        }
        return CheckResult.pass(parquet.size() + " categories, identical on both tables and equal to the raw orders");
    }

    static CheckResult scansFiveTimesLess(LabContext ctx) {
        if (parquetTable(ctx).isEmpty()) {
            return CheckResult.fail("no table " + PARQUET, ctasHint(ctx));
        }
        long csv = ask(ctx, "orders_csv").dataScannedInBytes();
        long parquet = ask(ctx, PARQUET).dataScannedInBytes();
        ctx.note(String.format("%-16s %,12d bytes scanned", "orders_csv", csv));
        ctx.note(String.format("%-16s %,12d bytes scanned", PARQUET, parquet));
        if (parquet <= 0 || csv < 5 * parquet) {
            return CheckResult.fail(String.format("CSV %,d bytes, Parquet %,d bytes", csv, parquet),
                    "Write Parquet (format = 'PARQUET') partitioned by year and month so the filter prunes partitions.");
        }
        return CheckResult.pass(String.format("Parquet scanned %.1fx fewer bytes (%,d vs %,d)",
                (double) csv / parquet, parquet, csv));
    }

    private static AthenaQueries.Answer ask(LabContext ctx, String table) {
        return AthenaQueries.run(ctx, AthenaCtasParquetLab.database(ctx),
                AthenaCtasParquetLab.results(ctx) + "checks/", AthenaCtasParquetLab.query(table));
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

    /** Rows equal cell by cell: text exactly, numbers to the cent. */
    static boolean same(List<List<String>> a, List<List<String>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int r = 0; r < a.size(); r++) {
            if (a.get(r).size() != b.get(r).size()) {
                return false;
            }
            for (int c = 0; c < a.get(r).size(); c++) {
                String x = a.get(r).get(c);
                String y = b.get(r).get(c);
                if (x == null || y == null || !(x.equals(y) || close(x, y))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean close(String x, String y) {
        try {
            return new BigDecimal(x).subtract(new BigDecimal(y)).abs().compareTo(CENT) < 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
