package io.labrunner.labs.modelmonitoring;

import io.labrunner.labs.sagemakerxgboost.Customers;
import io.labrunner.labs.sagemakerxgboost.Customers.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The requests the learner sends to the endpoint, one customer a request, as CSV features without
 * the label: first {@value #NORMAL} held-out customers as they come, then {@value #DRIFTED} more
 * after the business changed under the model. Both are cut from the churn data's test split, so
 * nothing here was trained on, and regenerated from the same seed by the checks.
 *
 * <p>What changed, feature by feature (the rest is left alone, and must stay unflagged):
 * <ul>
 *   <li>{@code monthly_charge}: a price rise of {@value #PRICE_RISE} a month for everybody — a shifted distribution;</li>
 *   <li>{@code contract_months}: every second customer is on a new three-year plan, 36 months, a value
 *       the training data never had;</li>
 *   <li>{@code data_usage_gb}: every third customer's app stopped reporting usage — the field is empty.</li>
 * </ul>
 */
public final class Traffic {
    public static final int NORMAL = 300;
    public static final int DRIFTED = 300;
    static final double PRICE_RISE = 45.0;
    static final int NEW_PLAN_MONTHS = 36;
    /** The baseline's first column: the training label, where the captured records carry the model's score. */
    public static final String LABEL = "churn";

    /** The features that drift, and the one whose drift the alarm watches. */
    public static final String SHIFTED = "monthly_charge";
    public static final String NEW_VALUE = "contract_months";
    public static final String MISSING = "data_usage_gb";
    public static final List<String> DRIFTING = List.of(SHIFTED, NEW_VALUE, MISSING);
    /** Features the drifted traffic leaves exactly as they were: a monitor that flags them is wrong. */
    public static final List<String> STEADY = List.of("tenure_months", "support_calls_90d", "late_payments_12m",
            "streaming_addon", "age");

    private Traffic() {
    }

    /** The first requests: held-out customers, distributed as the training data was. */
    public static List<String> normal() {
        return Customers.dataset().test().subList(0, NORMAL).stream().map(Customer::featuresCsv).toList();
    }

    /** The later requests: the next held-out customers, changed as the class comment says. */
    public static List<String> drifted() {
        List<Customer> customers = Customers.dataset().test().subList(NORMAL, NORMAL + DRIFTED);
        List<String> rows = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            Customer c = customers.get(i);
            int contract = i % 2 == 0 ? NEW_PLAN_MONTHS : c.contractMonths();
            String usage = i % 3 == 0 ? "" : String.format(Locale.ROOT, "%.1f", c.dataUsageGb());
            rows.add(String.format(Locale.ROOT, "%d,%.2f,%d,%d,%d,%s,%d,%d", c.tenureMonths(), c.monthlyCharge() + PRICE_RISE,
                    contract, c.supportCalls(), c.latePayments(), usage, c.streamingAddon(), c.age()));
        }
        return rows;
    }

    /** A file of rows, one a line, as setup uploads them for the learner to send. */
    static String csv(List<String> rows) {
        return String.join("\n", rows) + "\n";
    }

    /**
     * The baseline dataset: the training customers with a header, the label first. Model Monitor
     * names the columns after the header, and lines the captured records up with them by position,
     * the model's output first (the analyzer's {@code output_columns_position} START), as the
     * label is here.
     */
    public static String baselineCsv() {
        StringBuilder csv = new StringBuilder(LABEL).append(',').append(String.join(",", Customers.FEATURES)).append('\n');
        Customers.dataset().train().forEach(c -> csv.append(c.labelledCsv()).append('\n'));
        return csv.toString();
    }
}
