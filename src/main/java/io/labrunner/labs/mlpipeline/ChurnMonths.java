package io.labrunner.labs.mlpipeline;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A fictional telecom's customers, one file a month, generated from fixed seeds so the checks can regenerate every
 * label. Each month's customers and whether they left within it; churn grows with support calls, late payments and
 * the monthly charge, and falls with tenure and longer contracts — plus noise, so no model is perfect. One month
 * arrives broken: its export wrote the churn flag inverted, so a model trained on it learns the opposite.
 */
public final class ChurnMonths {
    /** The months already in the lake when the lab starts. */
    public static final List<YearMonth> HISTORY = List.of(YearMonth.of(2026, 7), YearMonth.of(2026, 8),
            YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    /** The month that lands and retrains the model. */
    public static final YearMonth NEW_MONTH = YearMonth.of(2026, 11);
    /** The month whose export inverted the churn flag; the pipeline must refuse the model it trains. */
    public static final YearMonth BROKEN_MONTH = YearMonth.of(2026, 12);
    public static final int CUSTOMERS_PER_MONTH = 400;
    /** The broken export holds the whole customer base again, so its inverted labels outweigh the rest. */
    public static final int BROKEN_MONTH_CUSTOMERS = 3_000;
    public static final int HOLDOUT_CUSTOMERS = 1_000;
    /** The lake's columns, as the crawler reads them from the header. */
    public static final String HEADER = "customer_id,churned,tenure_months,monthly_charge,contract_months,"
            + "support_calls_90d,late_payments_12m,data_usage_gb,streaming_addon,age";

    private static final long SEED = 2026_12_07_33L;

    /** One customer: the label and the features a model may use. */
    public record Customer(String id, int churned, int tenureMonths, double monthlyCharge, int contractMonths,
            int supportCalls, int latePayments, double dataUsageGb, int streamingAddon, int age) {

        String features() {
            return String.format(Locale.ROOT, "%d,%.2f,%d,%d,%d,%.1f,%d,%d", tenureMonths, monthlyCharge,
                    contractMonths, supportCalls, latePayments, dataUsageGb, streamingAddon, age);
        }

        Customer flipped() {
            return new Customer(id, 1 - churned, tenureMonths, monthlyCharge, contractMonths, supportCalls,
                    latePayments, dataUsageGb, streamingAddon, age);
        }
    }

    private ChurnMonths() {
    }

    /** A month's customers: the broken month's labels come inverted, as its export wrote them. */
    public static List<Customer> month(YearMonth month) {
        boolean broken = month.equals(BROKEN_MONTH);
        List<Customer> customers = generate(SEED + month.getYear() * 12L + month.getMonthValue(),
                broken ? BROKEN_MONTH_CUSTOMERS : CUSTOMERS_PER_MONTH,
                String.format(Locale.ROOT, "C%02d%02d-", month.getYear() % 100, month.getMonthValue()));
        return broken ? customers.stream().map(Customer::flipped).toList() : customers;
    }

    /** Customers the pipeline never trains on, to score every candidate model the same way. */
    public static List<Customer> holdout() {
        return generate(SEED - 1, HOLDOUT_CUSTOMERS, "H-");
    }

    /** The held-out labels, in file order. */
    public static List<Integer> holdoutLabels() {
        return holdout().stream().map(Customer::churned).toList();
    }

    /** A month as the lake holds it: CSV with a header, the customer id first. */
    public static String monthCsv(List<Customer> customers) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        customers.forEach(c -> csv.append(c.id()).append(',').append(c.churned()).append(',').append(c.features())
                .append('\n'));
        return csv.toString();
    }

    /** The held-out file as Batch Transform reads it: the label first, then the features, no header. */
    public static String holdoutCsv() {
        StringBuilder csv = new StringBuilder();
        holdout().forEach(c -> csv.append(c.churned()).append(',').append(c.features()).append('\n'));
        return csv.toString();
    }

    /** Where a month lives in the lake: one {@code month=} folder each, a partition to the crawler. */
    public static String lakeKey(YearMonth month) {
        return MlPipelineLab.LAKE + "month=" + month + "/customers.csv";
    }

    /** Where a month waits before it lands: outside the lake, so writing it there starts nothing. */
    public static String incomingKey(YearMonth month) {
        return MlPipelineLab.INCOMING + month + ".csv";
    }

    private static List<Customer> generate(long seed, int count, String idPrefix) {
        Random random = new Random(seed);
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            customers.add(next(random, String.format(Locale.ROOT, "%s%05d", idPrefix, i + 1)));
        }
        return customers;
    }

    private static Customer next(Random random, String id) {
        int tenure = 1 + random.nextInt(72);
        double roll = random.nextDouble();
        int contract = roll < 0.55 ? 1 : roll < 0.80 ? 12 : 24;
        double charge = Math.round((25 + random.nextDouble() * 90) * 100) / 100.0;
        int calls = poisson(random, 1.3);
        int late = poisson(random, 0.6);
        double usage = Math.round(Math.exp(2.3 + 0.8 * random.nextGaussian()) * 10) / 10.0;
        int streaming = random.nextDouble() < 0.4 ? 1 : 0;
        int age = 18 + random.nextInt(63);
        double logit = -1.0
                - 0.035 * tenure
                + 0.022 * (charge - 70)
                - (contract == 12 ? 1.1 : contract == 24 ? 2.0 : 0)
                + 0.45 * calls
                + 0.55 * late
                + (contract == 1 && calls >= 3 ? 1.0 : 0)
                - 0.3 * streaming
                + 0.6 * random.nextGaussian();
        int churned = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        return new Customer(id, churned, tenure, charge, contract, calls, late, usage, streaming, age);
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
