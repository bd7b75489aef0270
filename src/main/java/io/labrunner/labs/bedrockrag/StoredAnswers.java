package io.labrunner.labs.bedrockrag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * An answers file as the checks read it, straight from S3 and parsed here.
 *
 * @param answers the answers, in the file's order
 * @param problem why the file cannot be used ({@code ""} when it can)
 */
record StoredAnswers(List<Entry> answers, String problem) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: the question, the chunk ids said to be in the prompt, the model's text. */
    record Entry(String question, List<String> context, String answer) {
    }

    static StoredAnswers read(S3Client s3, String bucket, String key) {
        String body;
        try {
            body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            return new StoredAnswers(List.of(), "nothing at s3://" + bucket + "/" + key);
        }
        List<Entry> answers = new ArrayList<>();
        String[] raw = body.split("\n");
        for (int n = 1; n <= raw.length; n++) {
            if (raw[n - 1].isBlank()) {
                continue;
            }
            try {
                JsonNode json = JSON.readTree(raw[n - 1]);
                if (!json.isObject() || !json.path("question").isTextual() || !json.path("answer").isTextual()) {
                    throw new IOException("no question or answer");
                }
                List<String> context = new ArrayList<>();
                json.path("context").forEach(c -> context.add(c.asText()));
                answers.add(new Entry(json.path("question").asText(), context, json.path("answer").asText()));
            } catch (IOException e) {
                return new StoredAnswers(List.of(), "line " + n + " of s3://" + bucket + "/" + key
                        + " is not a JSON object with question, context and answer: " + StoredIndex.abbreviate(raw[n - 1]));
            }
        }
        return new StoredAnswers(answers, answers.isEmpty() ? "s3://" + bucket + "/" + key + " is empty" : "");
    }

    /** The answer to this question, matched by its text whatever the case and surrounding spaces. */
    Optional<Entry> to(String question) {
        String wanted = question.strip().toLowerCase(Locale.ROOT);
        return answers.stream().filter(a -> a.question().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
