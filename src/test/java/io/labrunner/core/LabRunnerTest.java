package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.testing.BucketLab;
import io.labrunner.testing.EmbeddedEmulator;
import io.labrunner.testing.FakeLab;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
