package io.labrunner.core.exam;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labrunner.core.LabException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lab's exam-style questions, read from {@code labs/<id>/quiz.yaml} on the class path:
 * <pre>
 * questions:
 *   - id: parquet-scan
 *     task: "1.1"
 *     scenario: &gt;
 *       A team queries ... Which format ...?
 *     options: {A: ..., B: ..., C: ..., D: ...}
 *     answer: [B]
 *     explanation: &gt;
 *       In the lab, ...
 * </pre>
 */
public record Quiz(String labId, List<QuizQuestion> questions) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<String> LETTERS = Set.of("A", "B", "C", "D");

    private record File(List<QuizQuestion> questions) {
    }

    /** The lab's quiz; empty if it has none. */
    public static Quiz load(String labId) {
        String resource = "/labs/" + labId + "/quiz.yaml";
        try (InputStream in = Quiz.class.getResourceAsStream(resource)) {
            if (in == null) {
                return new Quiz(labId, List.of());
            }
            Quiz quiz = new Quiz(labId, YAML.readValue(in, File.class).questions());
            List<String> problems = quiz.problems();
            if (!problems.isEmpty()) {
                throw new LabException("The quiz of " + labId + " is broken: " + problems.get(0));
            }
            return quiz;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new LabException("The quiz of " + labId + " does not parse: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LabException("The quiz of " + labId + " cannot be read: " + e.getMessage());
        }
    }

    /** What is wrong with the questions as written; empty when every one is well formed. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (QuizQuestion q : questions) {
            String where = "question " + q.id() + ": ";
            if (q.id() == null || q.id().isBlank() || !ids.add(q.id())) {
                problems.add("a question has no id, or one used twice: " + q.id());
            }
            if (q.task() == null || ExamTask.byNumber(q.task()).isEmpty()) {
                problems.add(where + "task " + q.task() + " is not an MLA-C01 task (1.1 … 4.3)");
            }
            if (q.scenario() == null || q.scenario().isBlank() || q.explanation() == null || q.explanation().isBlank()) {
                problems.add(where + "needs a scenario and an explanation");
            }
            Map<String, String> options = q.options() == null ? Map.of() : q.options();
            if (!options.keySet().equals(LETTERS) || options.values().stream().anyMatch(o -> o == null || o.isBlank())) {
                problems.add(where + "needs exactly the options A, B, C and D");
            }
            List<String> answer = q.answer() == null ? List.of() : q.answer();
            if (answer.isEmpty() || answer.size() > 2 || !LETTERS.containsAll(answer) || Set.copyOf(answer).size() != answer.size()) {
                problems.add(where + "needs one or two right answers among A–D");
            }
        }
        return problems;
    }
}
