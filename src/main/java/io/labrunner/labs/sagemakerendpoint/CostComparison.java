package io.labrunner.labs.sagemakerendpoint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A month of the lab's traffic priced three ways, from {@link CostInputs}:
 * <ul>
 *   <li>real-time: instances × hours × the hourly price — whether requests come or not;</li>
 *   <li>serverless: requests × billed seconds each × the per-second price of the memory size;</li>
 *   <li>Batch Transform: one job a day × billed seconds × the hourly price / 3600 (answers come once a day).</li>
 * </ul>
 * The break-even is the monthly request count at which serverless would cost what the real-time
 * endpoint costs: above it, an always-on instance is cheaper.
 */
record CostComparison(long requestsPerMonth, double realTimeUsd, double serverlessUsd, double batchTransformUsd,
        String cheapest, long breakEvenRequestsPerMonth) {

    static CostComparison forLabTraffic() {
        long requests = (long) CostInputs.REQUESTS_PER_DAY * CostInputs.DAYS_PER_MONTH;
        double hours = CostInputs.HOURS_PER_DAY * CostInputs.DAYS_PER_MONTH;
        double realTime = CostInputs.REAL_TIME_INSTANCES * hours * CostInputs.REAL_TIME_ML_M5_LARGE_PER_HOUR;
        double perRequest = CostInputs.SERVERLESS_BILLED_MS_PER_REQUEST / 1000 * CostInputs.SERVERLESS_2GB_PER_SECOND;
        double serverless = requests * perRequest;
        double batch = CostInputs.DAYS_PER_MONTH * CostInputs.BATCH_BILLED_SECONDS_PER_JOB
                * CostInputs.BATCH_ML_M5_LARGE_PER_HOUR / 3600;
        Map<Double, String> byCost = new TreeMap<>(Map.of(realTime, "real_time", serverless, "serverless", batch,
                "batch_transform"));
        return new CostComparison(requests, realTime, serverless, batch, byCost.values().iterator().next(),
                Math.round(realTime / perRequest));
    }

    /** The comparison as the solution prints it: each figure with the arithmetic behind it. */
    List<String> table() {
        return List.of(
                String.format("%,d requests a month", requestsPerMonth),
                String.format("real-time endpoint  $%9.4f   %d × %s, %d h × $%.3f", realTimeUsd, CostInputs.REAL_TIME_INSTANCES,
                        Canary.INSTANCE_TYPE, CostInputs.HOURS_PER_DAY * CostInputs.DAYS_PER_MONTH,
                        CostInputs.REAL_TIME_ML_M5_LARGE_PER_HOUR),
                String.format("serverless (2 GB)   $%9.4f   %,d × %.0f ms × $%.5f/s", serverlessUsd, requestsPerMonth,
                        CostInputs.SERVERLESS_BILLED_MS_PER_REQUEST, CostInputs.SERVERLESS_2GB_PER_SECOND),
                String.format("batch transform     $%9.4f   %d jobs × %.0f s × $%.3f/h", batchTransformUsd,
                        CostInputs.DAYS_PER_MONTH, CostInputs.BATCH_BILLED_SECONDS_PER_JOB, CostInputs.BATCH_ML_M5_LARGE_PER_HOUR),
                String.format("cheapest: %s; serverless costs as much as the endpoint at %,d requests a month", cheapest,
                        breakEvenRequestsPerMonth));
    }

    /** What the learner writes to {@code costs/comparison.json}. */
    String toJson() {
        return String.format(Locale.ROOT, """
                {"requests_per_month": %d, "real_time_usd": %.4f, "serverless_usd": %.4f, "batch_transform_usd": %.4f,
                 "cheapest": "%s", "break_even_requests_per_month": %d}
                """, requestsPerMonth, realTimeUsd, serverlessUsd, batchTransformUsd, cheapest, breakEvenRequestsPerMonth);
    }
}
