package io.labrunner.labs.bedrockrag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The vector index as the checks read it: straight from S3, parsed here, so that a bug in the
 * solution's own reader or writer cannot make its index look right.
 *
 * @param lines   the chunks, in the order of the object's lines
 * @param problem why the object cannot be used ({@code ""} when it can): missing, a line that is not
 *                JSON, a line without a vector…
 */
record StoredIndex(List<Line> lines, String problem) {
    static final String KEY = BedrockRagLab.INDEX_KEY;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the index as written by the learner. */
    record Line(int number, String id, String source, String text, String model, double[] vector) {
    }

    static StoredIndex read(S3Client s3, String bucket) {
        String body;
        try {
            body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(KEY)).asUtf8String();
        } catch (NoSuchKeyException e) {
            return new StoredIndex(List.of(), "nothing at s3://" + bucket + "/" + KEY);
        }
        List<Line> lines = new ArrayList<>();
        String[] raw = body.split("\n");
        for (int n = 1; n <= raw.length; n++) {
            if (raw[n - 1].isBlank()) {
                continue;
            }
            Optional<Line> line = parse(n, raw[n - 1]);
            if (line.isEmpty()) {
                return new StoredIndex(List.of(), "line " + n + " of s3://" + bucket + "/" + KEY
                        + " is not a JSON object with id, source, text, model and a vector of numbers: "
                        + abbreviate(raw[n - 1]));
            }
            lines.add(line.get());
        }
        return new StoredIndex(lines, lines.isEmpty() ? "s3://" + bucket + "/" + KEY + " is empty" : "");
    }

    private static Optional<Line> parse(int number, String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            return Optional.empty();
        }
        JsonNode vector = json.path("vector");
        if (!json.isObject() || !vector.isArray() || vector.isEmpty()
                || json.path("id").asText("").isBlank() || json.path("text").asText("").isBlank()) {
            return Optional.empty();
        }
        double[] values = new double[vector.size()];
        for (int i = 0; i < values.length; i++) {
            if (!vector.get(i).isNumber()) {
                return Optional.empty();
            }
            values[i] = vector.get(i).asDouble();
        }
        return Optional.of(new Line(number, json.path("id").asText(), json.path("source").asText(),
                json.path("text").asText(), json.path("model").asText(), values));
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
