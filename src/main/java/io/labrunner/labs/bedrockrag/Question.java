package io.labrunner.labs.bedrockrag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A question the documents answer, as shipped in {@code questions.json}.
 *
 * @param question what is asked
 * @param fact     what a right answer contains, e.g. {@code QF-BAT-220}
 * @param source   the document that holds the fact
 */
record Question(String question, String fact, String source) {

    static List<Question> load(Path file) {
        try {
            List<Question> questions = new ArrayList<>();
            for (JsonNode q : new ObjectMapper().readTree(file.toFile())) {
                questions.add(new Question(q.path("question").asText(), q.path("fact").asText(), q.path("source").asText()));
            }
            return questions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
