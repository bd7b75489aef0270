package io.labrunner.labs.bedrockrag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The vector index as one JSON Lines object in S3, a chunk per line:
 * {@code {"id":…,"source":…,"title":…,"text":…,"model":…,"vector":[…]}}. Read whole into memory
 * to search: for a few hundred chunks that is one GET and a millisecond of arithmetic, and S3 costs
 * nothing while nobody asks. A vector database earns its keep at millions of vectors, with
 * filters and updates; here it would be a server to pay for and to delete.
 */
final class VectorIndex {
    static final String KEY = BedrockRagLab.INDEX_KEY;
    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorIndex() {
    }

    static void write(S3Client s3, String bucket, List<Indexed> index) {
        StringBuilder lines = new StringBuilder();
        for (Indexed entry : index) {
            ObjectNode line = JSON.createObjectNode();
            line.put("id", entry.chunk().id()).put("source", entry.chunk().source())
                    .put("title", entry.chunk().title()).put("text", entry.chunk().text()).put("model", entry.model());
            ArrayNode vector = line.putArray("vector");
            for (float v : entry.vector()) {
                vector.add(v);
            }
            lines.append(line).append('\n');
        }
        s3.putObject(r -> r.bucket(bucket).key(KEY).contentType("application/x-ndjson"),
                RequestBody.fromString(lines.toString()));
    }

    /** The index, or empty when nobody has written it yet. */
    static Optional<List<Indexed>> read(S3Client s3, String bucket) {
        String body;
        try {
            body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(KEY)).asUtf8String();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        List<Indexed> index = new ArrayList<>();
        try {
            for (String line : body.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = JSON.readTree(line);
                JsonNode vector = json.path("vector");
                float[] values = new float[vector.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) vector.get(i).asDouble();
                }
                index.add(new Indexed(new Chunk(json.path("id").asText(), json.path("source").asText(),
                        json.path("title").asText(), json.path("text").asText()), json.path("model").asText(), values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable index s3://" + bucket + "/" + KEY, e);
        }
        return Optional.of(index);
    }
}
