package io.labrunner.labs.sagemakerxgboost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A fictional telecom's customers and whether they left within the quarter, generated from a fixed
 * seed so the checks can regenerate every label. The churn risk grows with support calls, late
 * payments and the monthly charge, and falls with tenure and longer contracts — plus noise, so no
 * model is perfect.
 */
public final class Customers {
    /** The feature columns, in the order of every CSV file after the label. */
    public static final List<String> FEATURES = List.of("tenure_months", "monthly_charge", "contract_months",
            "support_calls_90d", "late_payments_12m", "data_usage_gb", "streaming_addon", "age");
    public static final int COUNT = 5_000;

    private static final long SEED = 2026_12_07L;

    /**
     * One customer: the label and the features a model may use.
     *
     * @param churned 1 when the customer left within the quarter
     */
    public record Customer(int churned, int tenureMonths, double monthlyCharge, int contractMonths, int supportCalls,
            int latePayments, double dataUsageGb, int streamingAddon, int age) {

        /** The features as the built-in algorithm reads them: comma-separated numbers, no label. */
        public String featuresCsv() {
            return String.format(Locale.ROOT, "%d,%.2f,%d,%d,%d,%.1f,%d,%d", tenureMonths, monthlyCharge,
                    contractMonths, supportCalls, latePayments, dataUsageGb, streamingAddon, age);
        }

        /** A training or validation row: the label first, then the features. */
        public String labelledCsv() {
            return churned + "," + featuresCsv();
        }

        /** The features as numbers, in {@link #FEATURES} order. */
        public double[] features() {
            return new double[] {tenureMonths, monthlyCharge, contractMonths, supportCalls, latePayments, dataUsageGb,
                    streamingAddon, age};
        }
    }

    /** The three disjoint parts of the data: 70 % to train on, 15 % to validate with, 15 % held out. */
    public record Split(List<Customer> train, List<Customer> validation, List<Customer> test) {
    }

    private Customers() {
    }

    /** {@link #COUNT} customers, always the same. */
    public static List<Customer> generate() {
        Random random = new Random(SEED);
        List<Customer> customers = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            customers.add(next(random));
        }
        return customers;
    }

    private static Customer next(Random random) {
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
                // Month-to-month customers who keep calling support are the classic churners: an interaction
                // a linear model misses and trees find.
                + (contract == 1 && calls >= 3 ? 1.0 : 0)
                - 0.3 * streaming
                + 0.6 * random.nextGaussian();
        int churned = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        return new Customer(churned, tenure, charge, contract, calls, late, usage, streaming, age);
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

    /** Shuffles with the same seed and cuts 70 / 15 / 15. */
    public static Split split(List<Customer> customers) {
        List<Customer> shuffled = new ArrayList<>(customers);
        Collections.shuffle(shuffled, new Random(SEED + 1));
        int trainEnd = shuffled.size() * 70 / 100;
        int validationEnd = shuffled.size() * 85 / 100;
        return new Split(List.copyOf(shuffled.subList(0, trainEnd)),
                List.copyOf(shuffled.subList(trainEnd, validationEnd)),
                List.copyOf(shuffled.subList(validationEnd, shuffled.size())));
    }

    /** The split of {@link #generate()}: what the lab uploads and the checks judge against. */
    public static Split dataset() {
        return split(generate());
    }

    /** Training or validation CSV: label first, no header — the built-in XGBoost's text/csv convention. */
    public static String labelledCsv(List<Customer> customers) {
        StringBuilder csv = new StringBuilder();
        customers.forEach(c -> csv.append(c.labelledCsv()).append('\n'));
        return csv.toString();
    }

    /** Inference CSV: the features only, one customer a line, no header and no label. */
    public static String featuresCsv(List<Customer> customers) {
        StringBuilder csv = new StringBuilder();
        customers.forEach(c -> csv.append(c.featuresCsv()).append('\n'));
        return csv.toString();
    }

    /** The held-out labels, one a line in test-set order, with a header the learner can read. */
    public static String labelsCsv(List<Customer> customers) {
        StringBuilder csv = new StringBuilder("churned\n");
        customers.forEach(c -> csv.append(c.churned()).append('\n'));
        return csv.toString();
    }
}
