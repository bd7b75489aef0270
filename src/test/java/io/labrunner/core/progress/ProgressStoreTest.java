package io.labrunner.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.exam.Quiz;
import io.labrunner.core.exam.QuizResult;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-08T10:00:00Z");

    @TempDir
    Path home;

    private final List<String> notices = new ArrayList<>();

    private ProgressStore store(Instant now) {
        return new ProgressStore(home.resolve("progress.json"), Clock.fixed(now, ZoneOffset.UTC), notices::add);
    }

    static LabResult result(String lab, String command, Outcome outcome) {
        return new LabResult(lab, "Title of " + lab, "run1", "embedded", command, outcome, "", List.of(), List.of(),
                List.of(), Duration.ZERO);
    }

    @Test
    void noFileIsNoProgressYet() {
        assertThat(store(MONDAY).read()).isEqualTo(Progress.empty());
        assertThat(home.resolve("progress.json")).doesNotExist();
    }

    @Test
    void onlyLabsThatPassedByRunTestOrCheckAreRecorded() {
        store(MONDAY).recordPasses(List.of(
                result("a", "check", Outcome.PASSED), result("b", "run", Outcome.PASSED), result("c", "test", Outcome.PASSED),
                result("d", "check", Outcome.FAILED), result("e", "run", Outcome.SKIPPED), result("f", "run", Outcome.ERROR),
                result("g", "start", Outcome.PASSED), result("h", "solve", Outcome.PASSED)));

        assertThat(store(MONDAY).read().labs()).extracting(Progress.LabPass::lab).containsExactly("a", "b", "c");
    }

    @Test
    void aSecondPassKeepsTheFirstDateAndMovesTheLast() {
        store(MONDAY).recordPasses(List.of(result("a", "check", Outcome.PASSED)));
        store(TUESDAY).recordPasses(List.of(result("a", "check", Outcome.PASSED), result("a", "run", Outcome.PASSED)));

        assertThat(store(TUESDAY).read().labs()).containsExactly(
                new Progress.LabPass("a", "embedded", "check", MONDAY, TUESDAY),
                new Progress.LabPass("a", "embedded", "run", TUESDAY, TUESDAY));
    }

    @Test
    void aQuizKeepsItsBestScoreAndItsLast() {
        Quiz quiz = Quiz.load("quiz-fake");
        store(MONDAY).recordQuiz(QuizResult.score(quiz, Map.of("columnar", Set.of("B"), "eta", Set.of("C"))));
        store(TUESDAY).recordQuiz(QuizResult.score(quiz, Map.of("columnar", Set.of("B"))));

        Progress.QuizRecord record = store(TUESDAY).read().quiz("quiz-fake").orElseThrow();
        assertThat(record.best().right()).isEqualTo(2);
        assertThat(record.best().at()).isEqualTo(MONDAY);
        assertThat(record.best().questions()).containsEntry("eta", true).containsEntry("two-streaming", false);
        assertThat(record.last().right()).isEqualTo(1);
        assertThat(record.last().at()).isEqualTo(TUESDAY);
    }

    @Test
    void writesLeaveNoTemporaryFileBehind() throws Exception {
        store(MONDAY).recordPasses(List.of(result("a", "check", Outcome.PASSED)));

        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("progress.json", "progress.json.lock");
        }
    }

    @Test
    void aCorruptFileIsSetAsideWithOneLineAndAFreshOneStarts() throws Exception {
        for (String corrupt : List.of("{ not json", "", "[1, 2]", "{\"labs\": [{\"lab\": \"a\"}]}",
                "{\"labs\": [null]}", "{\"quizzes\": {\"x\": {\"best\": null, \"last\": null}}}")) {
            Path file = home.resolve("progress.json");
            Files.writeString(file, corrupt);
            notices.clear();

            store(MONDAY).recordPasses(List.of(result("a", "check", Outcome.PASSED)));

            assertThat(notices).as(corrupt).hasSize(1);
            assertThat(notices.get(0)).contains("could not be read", "set aside as progress.json.corrupt-20261207T100000Z")
                    .doesNotContain("\n");
            assertThat(store(MONDAY).read().labs()).extracting(Progress.LabPass::lab).containsExactly("a");
            try (Stream<Path> files = Files.list(home)) {
                Path aside = files.filter(f -> f.getFileName().toString().startsWith("progress.json.corrupt-"))
                        .max(java.util.Comparator.comparing(Path::toString)).orElseThrow();
                assertThat(Files.readString(aside)).isEqualTo(corrupt);
                Files.delete(aside);
            }
        }
    }

    @Test
    void readingACorruptFileSetsItAsideToo() throws Exception {
        Files.writeString(home.resolve("progress.json"), "garbage: [");

        assertThat(store(MONDAY).read()).isEqualTo(Progress.empty());
        assertThat(notices).hasSize(1);
        assertThat(home.resolve("progress.json.corrupt-20261207T100000Z")).exists();
        assertThat(home.resolve("progress.json")).doesNotExist();
    }

    @Test
    void twoCorruptFilesInTheSameSecondAreBothKept() throws Exception {
        Files.writeString(home.resolve("progress.json"), "{");
        store(MONDAY).read();
        Files.writeString(home.resolve("progress.json"), "[");
        store(MONDAY).read();

        assertThat(home.resolve("progress.json.corrupt-20261207T100000Z")).hasContent("{");
        assertThat(home.resolve("progress.json.corrupt-20261207T100000Z-2")).hasContent("[");
    }

    @Test
    void concurrentUpdatesFromTwoThreadsAreAllKept() throws Exception {
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String thread : List.of("x", "y")) {
                done.add(pool.submit(() -> {
                    go.await();
                    // A store of its own, as a second command would have.
                    ProgressStore store = store(MONDAY);
                    for (int i = 0; i < each; i++) {
                        store.recordPasses(List.of(result(thread + i, "check", Outcome.PASSED)));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store(MONDAY).read().labs()).hasSize(2 * each);
        assertThat(notices).isEmpty();
    }

    @Test
    void concurrentUpdatesFromTwoProcessesAreAllKept() throws Exception {
        int each = 30;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("p", "q")) {
            processes.add(new ProcessBuilder(java, "-cp", classPath, RecordPassesMain.class.getName(),
                    home.resolve("progress.json").toString(), prefix, Integer.toString(each))
                    .redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(output).isZero();
        }

        assertThat(store(MONDAY).read().labs()).hasSize(2 * each);
    }
}
