package io.labrunner.core.progress;

import static io.labrunner.core.progress.ProgressStoreTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import io.labrunner.core.LabInfo;
import io.labrunner.core.exam.ExamTask;
import io.labrunner.core.exam.Quiz;
import io.labrunner.core.exam.QuizResult;
import io.labrunner.core.report.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'lab progress' computed: labs passed and quiz answers, per MLA-C01 domain and task. */
class ExamCoverageTest {
    @TempDir
    Path home;

    private static LabInfo lab(String id, String examTask) {
        return new LabInfo(id, "Title of " + id, "", "", examTask, List.of(), 5, "$0", Set.of(Capability.S3));
    }

    private final List<LabInfo> labs = List.of(
            lab("formats", "1.1 Ingest and store data"),
            lab("messy", "1.2 Transform data, 1.3 Ensure data integrity"),
            lab("xgboost", "2.2 Train and refine models, 2.3 Analyze model performance"),
            lab("guardrails", "4.3 Secure AWS resources"));

    private ProgressStore store() {
        return new ProgressStore(home.resolve("progress.json"), Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
                line -> { });
    }

    private ExamCoverage.TaskCoverage task(ExamCoverage coverage, ExamTask task) {
        return coverage.domains().get(task.domain().ordinal()).tasks().stream().filter(t -> t.task() == task).findFirst().orElseThrow();
    }

    @Test
    void aLabPassedShowsUnderEveryTaskItTeaches() {
        store().recordPasses(List.of(result("messy", "check", Outcome.PASSED), result("formats", "check", Outcome.FAILED)));

        ExamCoverage coverage = ExamCoverage.of(labs, Map.of(), store().read());

        assertThat(task(coverage, ExamTask.T1_2).labs()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("messy");
            assertThat(l.passed()).isTrue();
            assertThat(l.passes()).extracting(Progress.LabPass::target, Progress.LabPass::command)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("embedded", "check"));
        });
        assertThat(task(coverage, ExamTask.T1_3).passed()).isTrue();
        assertThat(task(coverage, ExamTask.T1_1).passed()).isFalse();
        ExamCoverage.DomainCoverage d1 = coverage.domains().get(0);
        assertThat(d1.labs()).extracting(ExamCoverage.LabStatus::id).containsExactly("formats", "messy");
        assertThat(d1.labsPassed()).isEqualTo(1);
        assertThat(d1.tasksPassed()).isEqualTo(2);
    }

    @Test
    void tasksNoLabTeachesSaySo() {
        ExamCoverage coverage = ExamCoverage.of(labs, Map.of(), Progress.empty());

        assertThat(task(coverage, ExamTask.T3_1).hasLab()).isFalse();
        ExamCoverage.DomainCoverage d3 = coverage.domains().get(2);
        assertThat(d3.labs()).isEmpty();
        assertThat(d3.tasksWithoutLab()).isEqualTo(3);
        assertThat(coverage.domains().get(1).tasksWithoutLab()).isEqualTo(1);
    }

    @Test
    void quizQuestionsCountUnderTheirOwnTaskFromTheBestScore() {
        Quiz quiz = new Quiz("formats", Quiz.load("quiz-fake").questions());
        store().recordQuiz(QuizResult.score(quiz, Map.of("columnar", Set.of("B"), "two-streaming", Set.of("A"),
                "guardrail", Set.of("A"))));

        ExamCoverage coverage = ExamCoverage.of(labs, Map.of("formats", quiz), store().read());

        assertThat(task(coverage, ExamTask.T1_1)).extracting(ExamCoverage.TaskCoverage::quizRight, ExamCoverage.TaskCoverage::quizTotal)
                .containsExactly(1, 2);
        assertThat(task(coverage, ExamTask.T2_2)).extracting(ExamCoverage.TaskCoverage::quizRight, ExamCoverage.TaskCoverage::quizTotal)
                .containsExactly(0, 1);
        assertThat(task(coverage, ExamTask.T4_3).quizRight()).isEqualTo(1);
        assertThat(coverage.domains().get(0).quizTotal()).isEqualTo(2);
    }

    @Test
    void nextIsALabNotYetPassedOnTheWeakestDomain() {
        store().recordPasses(List.of(result("formats", "check", Outcome.PASSED), result("xgboost", "run", Outcome.PASSED)));

        ExamCoverage.Next next = ExamCoverage.of(labs, Map.of(), store().read()).next().orElseThrow();

        // Domain 1 has 1 of 2 passed, domain 2 all, domain 4 none of 1: the weakest.
        assertThat(next.labId()).isEqualTo("guardrails");
        assertThat(next.command()).isEqualTo("start");
        assertThat(next.why()).contains("domain 4", "0 of 1 labs passed");
    }

    @Test
    void ofDomainsEquallyWeakTheOneWeighingMoreComesFirst() {
        ExamCoverage.Next next = ExamCoverage.of(labs, Map.of(), Progress.empty()).next().orElseThrow();

        assertThat(next.labId()).isEqualTo("formats"); // domain 1 is 28 % of the exam
        assertThat(next.why()).contains("no lab passed yet", "domain 1 (28 % of the exam)");
    }

    @Test
    void whenEveryLabPassedNextIsAQuizNotYetRight() {
        Quiz quiz = new Quiz("messy", Quiz.load("quiz-fake").questions());
        store().recordPasses(labs.stream().map(l -> result(l.id(), "check", Outcome.PASSED)).toList());

        assertThat(ExamCoverage.of(labs, Map.of("messy", quiz), store().read()).next()).get()
                .extracting(ExamCoverage.Next::command, ExamCoverage.Next::labId).containsExactly("quiz", "messy");

        store().recordQuiz(QuizResult.score(quiz, Map.of("columnar", Set.of("B"), "two-streaming", Set.of("A", "C"),
                "eta", Set.of("C"), "guardrail", Set.of("A"))));
        assertThat(ExamCoverage.of(labs, Map.of("messy", quiz), store().read()).next()).isEmpty();
    }
}
