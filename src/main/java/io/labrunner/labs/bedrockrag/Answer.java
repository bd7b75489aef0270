package io.labrunner.labs.bedrockrag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * One answer the pipeline gave, kept in S3 as a JSON line so the checks (and the learner) can read
 * what was asked, with which context, and what came back.
 *
 * @param question the question
 * @param context  ids of the chunks put in the prompt, best first; empty when asked without context
 * @param answer   the model's text
 * @param model    the model that answered
 */
record Answer(String question, List<String> context, String answer, String model) {
    /** Answers from retrieved context. */
    static final String WITH_CONTEXT_KEY = BedrockRagLab.WITH_CONTEXT_KEY;
    /** Answers to the same questions asked without context. */
    static final String WITHOUT_CONTEXT_KEY = BedrockRagLab.WITHOUT_CONTEXT_KEY;
    private static final ObjectMapper JSON = new ObjectMapper();

    Answer {
        context = List.copyOf(context);
    }

    static void write(S3Client s3, String bucket, String key, List<Answer> answers) {
        StringBuilder lines = new StringBuilder();
        for (Answer a : answers) {
            ObjectNode line = JSON.createObjectNode().put("question", a.question());
            a.context().forEach(line.putArray("context")::add);
            line.put("answer", a.answer()).put("model", a.model());
            lines.append(line).append('\n');
        }
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/x-ndjson"),
                RequestBody.fromString(lines.toString()));
    }

    static Optional<List<Answer>> read(S3Client s3, String bucket, String key) {
        String body;
        try {
            body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        List<Answer> answers = new ArrayList<>();
        try {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    JsonNode json = JSON.readTree(line);
                    List<String> context = new ArrayList<>();
                    json.path("context").forEach(c -> context.add(c.asText()));
                    answers.add(new Answer(json.path("question").asText(), context, json.path("answer").asText(),
                            json.path("model").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answers s3://" + bucket + "/" + key, e);
        }
        return Optional.of(answers);
    }
}
