package io.labrunner.emulator.sagemaker.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/** Training rows and captured records as an endpoint's data capture writes them, for the monitoring tests. */
final class CapturedTraffic {

    private CapturedTraffic() {
    }

    /** Label, then age (20–60), then a standard normal, then one of a, b, c: the baseline's columns. */
    static String trainingCsv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            csv.append(random.nextInt(2)).append(',').append(features(random)).append('\n');
        }
        return csv.toString();
    }

    /** age, normal, category as the baseline has them. */
    static String features(Random random) {
        return (20 + random.nextInt(41)) + "," + random.nextGaussian() + "," + "abc".charAt(random.nextInt(3));
    }

    /** One capture record, as SageMaker writes it: CSV in, CSV out. */
    static String record(String input, String output, Instant when) {
        return "{\"captureData\":{\"endpointInput\":{\"observedContentType\":\"text/csv\",\"mode\":\"INPUT\","
                + "\"data\":\"" + input + "\",\"encoding\":\"CSV\"},\"endpointOutput\":{\"observedContentType\":"
                + "\"text/csv; charset=utf-8\",\"mode\":\"OUTPUT\",\"data\":\"" + output + "\",\"encoding\":\"CSV\"}},"
                + "\"eventMetadata\":{\"eventId\":\"" + UUID.randomUUID() + "\",\"inferenceTime\":\"" + when + "\"},"
                + "\"eventVersion\":\"0\"}";
    }

    /** {@code count} records whose input row {@code i} is {@code input.apply(i)} and prediction 0 or 1 in turn. */
    static String jsonl(int count, Instant when, IntFunction<String> input) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(record(input.apply(i), Integer.toString(i % 2), when)).append('\n');
        }
        return out.toString();
    }

    /** The capture key of a file in the hour of {@code when}. */
    static String key(String endpoint, Instant when, String file) {
        String hour = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(java.time.ZoneOffset.UTC)
                .format(when);
        return "datacapture/" + endpoint + "/AllTraffic/" + hour + "/" + file;
    }

    static List<String> types(com.fasterxml.jackson.databind.JsonNode violations) {
        return violations.path("violations").findValuesAsText("constraint_check_type");
    }
}
