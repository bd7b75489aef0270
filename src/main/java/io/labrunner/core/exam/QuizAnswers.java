package io.labrunner.core.exam;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labrunner.core.LabException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An answer file for {@code lab quiz --answers}: a YAML or JSON map of question id to letters,
 * <pre>
 * parquet-scan: B
 * two-formats: AC        # or "a, c", or [A, C]
 * </pre>
 * Questions the file leaves out are unanswered. Anything else — a file that does not parse, an id
 * the quiz does not have, a letter outside A–D — is a {@link LabException} with one line.
 */
public final class QuizAnswers {
    // YAML reads JSON too; a key given twice is a mistake, not "the last one wins".
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private QuizAnswers() {
    }

    /** The letters given per question id, in the file's order; {@code source} names the file in messages. */
    public static Map<String, Set<String>> parse(String text, Quiz quiz, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            String why = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
            throw new LabException("The answers in " + source + " do not parse: " + why.lines().findFirst().orElse("")
                    + " (write one 'question-id: letters' per line)");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new LabException("The answers in " + source + " are empty: write one 'question-id: letters' per line.");
        }
        if (!root.isObject()) {
            throw new LabException("The answers in " + source + " are not a map of question id to letters,"
                    + " e.g. 'parquet-scan: B'.");
        }
        Map<String, Set<String>> given = new LinkedHashMap<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String id = field.getKey();
            if (quiz.questions().stream().noneMatch(q -> q.id().equals(id))) {
                throw new LabException("The answers in " + source + " name question '" + id + "', which the quiz of "
                        + quiz.labId() + " does not have. Its questions: " + String.join(", ", ids(quiz)) + ".");
            }
            given.put(id, letters(field.getValue(), id, source));
        }
        return given;
    }

    private static Set<String> letters(JsonNode value, String id, String source) {
        String typed;
        if (value.isTextual()) {
            typed = value.asText();
        } else if (value.isArray() && allText(value)) {
            typed = join(value);
        } else if (value.isNull()) {
            typed = "";
        } else {
            typed = value.toString();
        }
        try {
            Set<String> letters = Letters.parse(typed);
            if (letters.isEmpty()) {
                throw new IllegalArgumentException("no letters; give A–D, or leave the question out to skip it");
            }
            return letters;
        } catch (IllegalArgumentException e) {
            throw new LabException("The answers in " + source + ", question '" + id + "': " + e.getMessage() + ".");
        }
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String join(JsonNode array) {
        StringBuilder joined = new StringBuilder();
        array.forEach(item -> joined.append(item.asText()).append(','));
        return joined.toString();
    }

    private static java.util.List<String> ids(Quiz quiz) {
        return quiz.questions().stream().map(QuizQuestion::id).toList();
    }
}
