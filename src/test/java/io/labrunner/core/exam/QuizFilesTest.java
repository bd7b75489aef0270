package io.labrunner.core.exam;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Lab;
import io.labrunner.labs.LabCatalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in lab ships 6–10 well-formed exam-style questions on the tasks it teaches. */
class QuizFilesTest {

    static Stream<String> labs() {
        return LabCatalog.builtIn().all().stream().map(lab -> lab.info().id());
    }

    @ParameterizedTest
    @MethodSource("labs")
    void eachLabHasAWellFormedQuiz(String labId) {
        Quiz quiz = Quiz.load(labId);

        assertThat(quiz.questions()).as("questions of " + labId).hasSizeBetween(6, 10);
        assertThat(quiz.problems()).isEmpty();
        Lab lab = LabCatalog.builtIn().get(labId);
        List<ExamTask> taught = ExamTask.named(lab.info().examTask());
        assertThat(quiz.questions()).as("questions on a task the lab teaches")
                .anyMatch(q -> taught.contains(ExamTask.byNumber(q.task()).orElseThrow()));
    }
}
