package io.labrunner.labs.sagemakerendpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Judges the learner's costs/comparison.json by redoing the month's arithmetic from the published
 * prices and the lab's traffic ({@link CostInputs}) — written out here on its own, not taken from
 * {@link CostComparison} — and names the usual slips: a day priced instead of a month, the canary's
 * two instances, milliseconds read as seconds, a batch instance billed all day.
 */
final class CostCheck {
    /** Rounding the learner may do: 1 % of a figure, or a twentieth of a cent. */
    private static final double RELATIVE = 0.01;
    private static final double ABSOLUTE = 0.0005;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CostCheck() {
    }

    /** The month as the check prices it. */
    private record Month(long requests, double realTime, double serverless, double batch, String cheapest, double breakEven) {
        static Month expected() {
            long requests = CostInputs.REQUESTS_PER_DAY * (long) CostInputs.DAYS_PER_MONTH;
            double instanceHours = CostInputs.REAL_TIME_INSTANCES * 24.0 * CostInputs.DAYS_PER_MONTH;
            double realTime = instanceHours * CostInputs.REAL_TIME_ML_M5_LARGE_PER_HOUR;
            double perRequest = CostInputs.SERVERLESS_2GB_PER_SECOND * CostInputs.SERVERLESS_BILLED_MS_PER_REQUEST / 1000;
            double serverless = requests * perRequest;
            double batchHours = CostInputs.DAYS_PER_MONTH * CostInputs.BATCH_BILLED_SECONDS_PER_JOB / 3600;
            double batch = batchHours * CostInputs.BATCH_ML_M5_LARGE_PER_HOUR;
            String cheapest = serverless <= batch && serverless <= realTime ? "serverless"
                    : batch <= realTime ? "batch_transform" : "real_time";
            return new Month(requests, realTime, serverless, batch, cheapest, realTime / perRequest);
        }
    }

    private static final String STEP = GuideSteps.PRICE;

    static CheckResult costsMatch(LabContext ctx) {
        JsonNode claimed;
        try {
            claimed = JSON.readTree(ctx.s3().getObjectAsBytes(get -> get.bucket(SageMakerEndpointLab.bucket(ctx))
                    .key(SageMakerEndpointLab.COSTS)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return CheckResult.fail("no " + SageMakerEndpointLab.COSTS,
                    "The cost comparison goes to s3://$BUCKET/" + SageMakerEndpointLab.COSTS + ".",
                    "It is JSON with requests_per_month, real_time_usd, serverless_usd, batch_transform_usd, cheapest and"
                            + " break_even_requests_per_month.", STEP);
        } catch (IOException e) {
            return CheckResult.fail(SageMakerEndpointLab.COSTS + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""),
                    "Write one JSON object; numbers as JSON numbers, cheapest as a string.", STEP);
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("requests_per_month", "real_time_usd", "serverless_usd", "batch_transform_usd",
                "break_even_requests_per_month")) {
            if (!claimed.path(field).isNumber()) {
                missing.add(field);
            }
        }
        if (!claimed.path("cheapest").isTextual()) {
            missing.add("cheapest");
        }
        if (!missing.isEmpty()) {
            return CheckResult.fail(SageMakerEndpointLab.COSTS + " lacks " + String.join(", ", missing) + " (or has them as the"
                    + " wrong type)", "Every figure is a JSON number and cheapest is one of \"real_time\", \"serverless\","
                    + " \"batch_transform\".", STEP);
        }
        Month month = Month.expected();
        long requests = claimed.get("requests_per_month").asLong();
        if (requests != month.requests()) {
            return CheckResult.fail("requests_per_month " + requests + "; the lab's traffic makes " + month.requests(),
                    requests == CostInputs.REQUESTS_PER_DAY ? "That is one day's traffic: the comparison is for a month of"
                            + " 30 days." : "The lab's traffic is its " + CostInputs.REQUESTS_PER_DAY + " customers a day, for"
                            + " 30 days.", STEP);
        }
        List<String> off = new ArrayList<>();
        List<String> nudges = new ArrayList<>();
        double realTime = claimed.get("real_time_usd").asDouble();
        if (!close(realTime, month.realTime())) {
            off.add(figure("real_time_usd", realTime, month.realTime()));
            nudges.add(close(realTime, 2 * month.realTime())
                    ? "Your real-time figure prices two instances, the canary's. The endpoint you keep runs one instance of"
                    + " the winner — and a variant at weight 0 still bills until an UpdateEndpoint removes it."
                    : close(realTime, month.realTime() / CostInputs.DAYS_PER_MONTH)
                    ? "Your real-time figure is one day of the instance; the month has 30."
                    : "A real-time endpoint bills its instance every hour it exists: 24 × 30 hours × the hourly price.");
        }
        double serverless = claimed.get("serverless_usd").asDouble();
        if (!close(serverless, month.serverless())) {
            off.add(figure("serverless_usd", serverless, month.serverless()));
            nudges.add(close(serverless, 1000 * month.serverless())
                    ? "Your serverless figure is 1,000 times too high: the billed time is 100 milliseconds, the price is per"
                    + " second."
                    : close(serverless, month.serverless() / 2)
                    ? "Your serverless figure uses the 1 GB price; the lab's serverless endpoint has 2 GB."
                    : "Serverless bills only while a request runs: requests × 0.1 s × the per-second price of 2 GB.");
        }
        double batch = claimed.get("batch_transform_usd").asDouble();
        if (!close(batch, month.batch())) {
            off.add(figure("batch_transform_usd", batch, month.batch()));
            nudges.add(close(batch, CostInputs.DAYS_PER_MONTH * 24 * CostInputs.BATCH_ML_M5_LARGE_PER_HOUR)
                    ? "Your batch figure bills the instance all day: a transform job's instances run only while the job does,"
                    + " about five minutes a day."
                    : "Batch Transform bills its instances per second while the job runs: 30 jobs × 300 s × the hourly price"
                    + " / 3600.");
        }
        double breakEven = claimed.get("break_even_requests_per_month").asDouble();
        if (!(Math.abs(breakEven - month.breakEven()) <= RELATIVE * month.breakEven())) {
            off.add(figure("break_even_requests_per_month", breakEven, month.breakEven()));
            nudges.add("The break-even is the month's real-time cost divided by what one serverless request costs.");
        }
        if (!off.isEmpty()) {
            return CheckResult.fail(String.join("; ", off), nudges.get(0),
                    nudges.size() > 1 ? String.join(" ", nudges.subList(1, nudges.size())) : "", STEP);
        }
        String cheapest = claimed.get("cheapest").asText();
        if (!cheapest.equals(month.cheapest())) {
            return CheckResult.fail("cheapest \"" + cheapest + "\"; your own figures make it \"" + month.cheapest() + "\"",
                    "The figures are right; the name of the cheapest is not the smallest of them.",
                    "Use the names real_time, serverless and batch_transform.", STEP);
        }
        return CheckResult.pass(String.format(Locale.ROOT, "a month of %,d requests: real-time $%.2f, serverless $%.4f, batch"
                + " $%.4f — %s cheapest; break-even %,.0f requests", requests, realTime, serverless, batch, cheapest, breakEven));
    }

    private static boolean close(double claimed, double expected) {
        return Math.abs(claimed - expected) <= Math.max(ABSOLUTE, RELATIVE * Math.abs(expected));
    }

    private static String figure(String field, double claimed, double expected) {
        return String.format(Locale.ROOT, "%s %s (recomputed %s)", field, claimed, round(expected));
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, value >= 1000 ? "%.0f" : "%.4f", value);
    }
}
