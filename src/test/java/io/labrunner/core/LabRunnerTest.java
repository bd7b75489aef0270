package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.RunListener;
import io.labrunner.core.report.StepResult;
import io.labrunner.testing.BucketLab;
import io.labrunner.testing.EmbeddedEmulator;
import io.labrunner.testing.FakeLab;
import io.labrunner.testing.StuckLab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class LabRunnerTest {
    private static EmbeddedEmulator emulator;
    private static AwsClients clients;

    @TempDir
    Path home;

    private StateDirectory state;
    private LabRunner runner;

    @BeforeAll
    static void startEmulator() {
        emulator = new EmbeddedEmulator();
        clients = emulator.clients();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newRunner() {
        state = new StateDirectory(home);
        runner = emulator.runner(state);
    }

    private boolean bucketExists(LabResult result) {
        String bucket = RunIds.resourceName(result.runId(), "data");
        return clients.s3().listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket));
    }

    @Test
    void aGoodLabPassesItsSelfTestAndLeavesNothing() {
        LabResult result = runner.selfTest(BucketLab.good());

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.PASSED);
        assertThat(result.checks()).extracting(CheckOutcome::stage, CheckOutcome::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("before solve", false),
                        org.assertj.core.groups.Tuple.tuple("after solve", true));
        assertThat(bucketExists(result)).isFalse();
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void aCheckThatPassesBeforeTheSolutionFailsTheSelfTest() {
        LabResult result = runner.selfTest(new BucketLab(false, true));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.checks().get(0).ok()).isFalse();
        assertThat(bucketExists(result)).isFalse();
    }

    @Test
    void aFailedSetupLeavesNothingBehind() {
        LabResult result = runner.run(new BucketLab(true, false), false);

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.message()).contains("setup broke on purpose");
        assertThat(result.phases()).extracting(p -> p.name()).containsExactly("setup", "cleanup");
        assertThat(bucketExists(result)).isFalse();
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void aFailedStartCleansUpToo() {
        LabResult result = runner.start(new BucketLab(true, false));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(bucketExists(result)).isFalse();
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void runKeepsTheResourcesOnlyWhenAskedTo() {
        LabResult kept = runner.run(BucketLab.good(), true);

        assertThat(kept.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(bucketExists(kept)).isTrue();
        Ledger ledger = state.latestRun(java.util.Optional.of("bucket-lab"), "embedded").orElseThrow();

        runner.cleanup(BucketLab.good(), ledger);

        assertThat(bucketExists(kept)).isFalse();
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void startThenCheckThenSolveThenCheckWorkAcrossSeparateRunners() {
        LabResult started = runner.start(BucketLab.good());
        assertThat(started.outcome()).isEqualTo(Outcome.PASSED);

        LabRunner later = emulator.runner(state);
        Ledger run = state.latestRun(java.util.Optional.empty(), "embedded").orElseThrow();
        LabResult before = later.check(BucketLab.good(), run);
        later.solve(BucketLab.good(), run);
        LabResult after = later.check(BucketLab.good(), run);
        later.cleanup(BucketLab.good(), run);

        assertThat(before.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(before.checks().get(0).hint()).isEqualTo("Put answer.txt into the bucket.");
        assertThat(after.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(bucketExists(started)).isFalse();
    }

    @Test
    void cleaningUpWhatIsAlreadyGoneSucceeds() {
        LabResult kept = runner.run(BucketLab.good(), true);
        Ledger run = state.latestRun(java.util.Optional.empty(), "embedded").orElseThrow();
        runner.cleanup(BucketLab.good(), run);
        Ledger stale = Ledger.create(state.runs(), run.runId(), run.labId(), run.location(), run.startedAt(), run.expiresAt());
        stale.recordPending(Resource.bucket(RunIds.resourceName(kept.runId(), "data")));

        LabResult again = runner.cleanup(BucketLab.good(), stale);

        assertThat(again.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void aLabTheTargetCannotServeIsSkippedWithTheReason() {
        LabRunner withoutBedrock = new LabRunner("embedded", Set.of(Capability.S3), clients, state,
                io.labrunner.core.report.RunListener.NONE, java.time.Clock.systemUTC());

        LabResult result = withoutBedrock.run(new FakeLab("bedrock-lab", Set.of(Capability.S3, Capability.BEDROCK_TEXT)), false);

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.message()).contains("BEDROCK_TEXT").contains("embedded");
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void aCheckNeedingWhatTheTargetDoesNotEmulateIsSkippedNotPassed() {
        LabRunner s3Only = new LabRunner("floci", Set.of(Capability.S3), clients, state,
                io.labrunner.core.report.RunListener.NONE, java.time.Clock.systemUTC());
        List<String> judged = Collections.synchronizedList(new ArrayList<>());
        Lab lab = new Lab() {
            @Override
            public LabInfo info() {
                return new io.labrunner.testing.FakeLab("limits-lab").info();
            }

            @Override
            public void setup(LabContext ctx) {
            }

            @Override
            public void solve(LabContext ctx) {
            }

            @Override
            public List<Check> checks() {
                return List.of(
                        Check.of("needs shard limits", ctx -> {
                            judged.add("limits");
                            return CheckResult.pass("judged");
                        }).needing(Capability.KINESIS_SHARD_LIMITS),
                        Check.of("plain", ctx -> {
                            judged.add("plain");
                            return CheckResult.pass("fine");
                        }));
            }
        };

        LabResult result = s3Only.run(lab, false);

        assertThat(judged).containsExactly("plain");
        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        CheckOutcome skipped = result.checks().get(0);
        assertThat(skipped.wasSkipped()).isTrue();
        assertThat(skipped.passed()).isFalse();
        assertThat(skipped.skipped()).contains("KINESIS_SHARD_LIMITS").contains("floci");
    }

    /** Records what the console would print, in order. */
    private static final class Recording implements RunListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void phaseStarted(String phase) {
            events.add("phase " + phase);
        }

        @Override
        public void stepFinished(StepResult step) {
            events.add((step.ok() ? "" : "failed ") + step.name() + (step.remark().isBlank() ? "" : ": " + step.remark()));
        }

        @Override
        public void labFinished(LabResult result) {
            events.add("lab " + result.outcome());
        }

        @Override
        public void note(String line) {
            events.add("note " + line);
        }

        @Override
        public void checkFinished(CheckOutcome check) {
            events.add("check " + check.name());
        }
    }

    /** A lab that gives details inside its steps, between them, and inside its check, as real labs do. */
    private static final class NotesLab implements Lab {
        @Override
        public LabInfo info() {
            return new LabInfo("notes-lab", "Notes", "For tests.", "1", "1.1", List.of("Amazon S3"), 1, "$0",
                    Set.of(Capability.S3));
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            ctx.note("before any step");
            ctx.step("first", () -> ctx.note("inside first"));
            ctx.note("after first");
            ctx.step("second", () -> {
                ctx.note("inside second");
                ctx.step("inner", () -> ctx.note("inside inner"));
                ctx.note("inside second, after inner");
            });
        }

        @Override
        public void solve(LabContext ctx) {
        }

        @Override
        public List<Check> checks() {
            return List.of(Check.of("measures", ctx -> {
                ctx.note("measured 42");
                return CheckResult.pass("42");
            }));
        }
    }

    @Test
    void aStepsDetailsComeUnderItsOwnLineWhereverTheLabGaveThem() {
        Recording recording = new Recording();

        LabResult result = emulator.runner(state, recording).run(new NotesLab(), false);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.PASSED);
        assertThat(recording.events).containsSubsequence("phase setup", "note before any step",
                "first", "note inside first", "note after first",
                "inner", "note inside inner", "second", "note inside second", "note inside second, after inner",
                "check measures", "note measured 42");
        List<StepResult> setup = result.phases().get(0).steps();
        assertThat(setup).extracting(StepResult::name, StepResult::notes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("first", List.of("inside first", "after first")),
                org.assertj.core.groups.Tuple.tuple("inner", List.of("inside inner")),
                org.assertj.core.groups.Tuple.tuple("second", List.of("inside second", "inside second, after inner")));
        assertThat(result.checks()).singleElement().extracting(CheckOutcome::notes).isEqualTo(List.of("measured 42"));
        assertThat(result.notes()).containsExactly("before any step", "inside first", "after first", "inside inner",
                "inside second", "inside second, after inner", "measured 42");
    }

    @Test
    void aStepCutShortByTheStopFailsAsInterruptedNotWithWhatItsCallThrew() throws Exception {
        StopSignal signal = new StopSignal();
        StuckLab lab = new StuckLab(false);
        Recording recording = new Recording();
        LabResult[] result = new LabResult[1];
        Thread main = command(signal, lab, recording, result);
        main.start();
        assertThat(lab.awaitCreated(Duration.ofSeconds(30))).isTrue();

        signal.stop(Duration.ofSeconds(30));
        main.join(30_000);

        assertThat(result[0].message()).isEqualTo("interrupted during setup");
        assertThat(result[0].phases().get(0).error()).isEqualTo("interrupted");
    }

    @Test
    void aForcedCleanupOnAFreshEmulatorSaysEveryResourceWasAlreadyGone() {
        String runId = RunIds.next();
        Ledger elsewhere = Ledger.create(state.runs(), runId, "bucket-lab",
                Location.of("embedded", java.util.Optional.of(java.net.URI.create("http://127.0.0.1:1")), "us-east-1"),
                java.time.Instant.now(), java.time.Instant.now().plusSeconds(3600));
        List<Resource> gone = List.of(Resource.bucket(RunIds.resourceName(runId, "data")),
                Resource.role(RunIds.resourceName(runId, "role")),
                Resource.glueDatabase(RunIds.resourceName(runId, "db").replace('-', '_')),
                Resource.crawler(RunIds.resourceName(runId, "crawler")),
                Resource.stream(RunIds.resourceName(runId, "stream")));
        gone.forEach(elsewhere::recordPending);
        Recording recording = new Recording();

        LabResult cleaned = emulator.runner(state, recording).cleanupHere(BucketLab.good(), elsewhere);

        assertThat(cleaned.outcome()).as(cleaned.message()).isEqualTo(Outcome.PASSED);
        assertThat(cleaned.phases().get(0).steps()).filteredOn(s -> s.name().startsWith("delete "))
                .hasSize(gone.size()).allSatisfy(s -> assertThat(s.remark()).isEqualTo("already gone"));
        assertThat(state.activeRuns()).isEmpty();
    }

    /** What LabsCommand does around a run: hold the stop, open clients, run, print the summary, close. */
    private Thread command(StopSignal signal, Lab lab, Recording recording, LabResult[] result) {
        return new Thread(() -> {
            // Closed in reverse order: the clients, then the note that they are, then the hold.
            try (StopSignal.Hold untilClosed = signal.hold();
                 AutoCloseable closedNote = () -> recording.events.add("clients closed");
                 AwsClients own = new AwsClients(clients.endpoint(), clients.region(),
                         StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
                result[0] = new LabRunner("embedded", Set.of(Capability.S3), own, state, recording, java.time.Clock.systemUTC())
                        .stoppingWith(signal).run(lab, false);
                recording.events.add("summary");
            } catch (Exception e) {
                recording.events.add("failed " + e);
            }
        }, "lab-main");
    }

    private static String bucketOf(LabResult result) {
        return RunIds.resourceName(result.runId(), "data");
    }

    @Test
    void ctrlCCleansUpOnTheMainPathWithTheClientsOpenAndBeforeTheSummary() throws Exception {
        StopSignal signal = new StopSignal();
        StuckLab lab = new StuckLab(false);
        Recording recording = new Recording();
        LabResult[] result = new LabResult[1];
        Thread main = command(signal, lab, recording, result);
        main.start();
        assertThat(lab.awaitCreated(Duration.ofSeconds(30))).isTrue();

        signal.stop(Duration.ofSeconds(30));
        recording.events.add("process may end");

        main.join(30_000);
        String bucket = bucketOf(result[0]);
        assertThat(recording.events).containsSubsequence("phase setup", "create bucket " + bucket, "phase cleanup",
                "delete S3 bucket " + bucket, "lab ERROR", "summary", "clients closed", "process may end");
        assertThat(recording.events).noneMatch(e -> e.startsWith("failed delete"));
        assertThat(result[0].message()).containsIgnoringCase("interrupted");
        assertThat(bucketExists(result[0])).isFalse();
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void ctrlCWhileTheLabIgnoresInterruptsStillCleansUpBeforeTheProcessEnds() throws Exception {
        StopSignal signal = new StopSignal();
        StuckLab lab = new StuckLab(true);
        Recording recording = new Recording();
        LabResult[] result = new LabResult[1];
        Thread main = command(signal, lab, recording, result);
        main.start();
        assertThat(lab.awaitCreated(Duration.ofSeconds(30))).isTrue();
        String bucket = state.activeRuns().get(0).remaining().get(0).id();

        signal.stop(Duration.ofMillis(300));

        assertThat(recording.events).contains("delete S3 bucket " + bucket);
        assertThat(clients.s3().listBuckets().buckets()).noneMatch(b -> b.name().equals(bucket));
        lab.release();
        main.join(30_000);
        assertThat(recording.events).containsSubsequence("delete S3 bucket " + bucket, "lab ERROR", "summary", "clients closed");
        assertThat(recording.events.stream().filter(e -> e.equals("phase cleanup"))).hasSize(1);
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void noLabStartsOnceAStopWasAskedFor() {
        StopSignal signal = new StopSignal();
        signal.stop(Duration.ofSeconds(1));

        LabResult result = runner.stoppingWith(signal).run(BucketLab.good(), false);

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.message()).isEqualTo("not started: interrupted");
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void aResourceThatWasAlreadyGoneIsReportedAsSuchNotAsDeleted() {
        LabResult kept = runner.run(BucketLab.good(), true);
        Ledger run = state.latestRun(java.util.Optional.empty(), "embedded").orElseThrow();
        String bucket = bucketOf(kept);
        clients.s3().deleteObject(b -> b.bucket(bucket).key("answer.txt"));
        clients.s3().deleteBucket(b -> b.bucket(bucket));
        Recording recording = new Recording();

        LabResult cleaned = emulator.runner(state, recording).cleanup(BucketLab.good(), run);

        assertThat(cleaned.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(recording.events).contains("delete S3 bucket " + bucket + ": already gone");
        assertThat(cleaned.phases().get(0).steps()).extracting(StepResult::remark).contains("already gone");
    }

    @Test
    void aRunMadeElsewhereIsNeitherCheckedNorCleanedAndItsLedgerStays() {
        runner.run(BucketLab.good(), true);
        Ledger run = state.latestRun(java.util.Optional.empty(), "embedded").orElseThrow();
        LabRunner elsewhere = emulator.runner(state, RunListener.NONE)
                .at(Location.of("embedded", java.util.Optional.of(java.net.URI.create("http://127.0.0.1:1")), "us-east-1"));

        assertThatThrownBy(() -> elsewhere.cleanup(BucketLab.good(), run)).isInstanceOf(LabException.class)
                .hasMessageContaining("this cleanup targets the embedded emulator at http://127.0.0.1:1");
        assertThatThrownBy(() -> elsewhere.check(BucketLab.good(), run)).hasMessageContaining("this check targets");
        assertThat(state.activeRuns()).extracting(Ledger::runId).containsExactly(run.runId());

        runner.cleanup(BucketLab.good(), run);
        assertThat(state.activeRuns()).isEmpty();
    }
}
