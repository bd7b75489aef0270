package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacementTest {
    private static final Location MADE = Location.of("endpoint", Optional.of(URI.create("http://127.0.0.1:4566")), "us-east-1");
    private static final Location OTHER = Location.of("endpoint", Optional.of(URI.create("http://127.0.0.1:4599")), "us-east-1");
    private static final Location THROWAWAY_HERE =
            Location.of("embedded", Optional.of(URI.create("http://127.0.0.1:40001")), "us-east-1");

    @TempDir
    Path runs;

    private Ledger run(Location where, Instant started) {
        return Ledger.create(runs, "abc234", "s3-data-formats", where, started, started.plusSeconds(3600));
    }

    /** A throwaway place that lived in a process which has ended. */
    private static Location throwawayOf(long pid) {
        return new Location("embedded", "http://127.0.0.1:40001", "000000000000", "us-east-1", null, pid);
    }

    @Test
    void theSamePlaceMayProceed() {
        assertThat(Placement.judge(run(MADE, Instant.now()), MADE, "cleanup").kind()).isEqualTo(Placement.Kind.SAME);
    }

    @Test
    void anotherEndpointIsRefusedInOneLineNamingBothPlaces() {
        Placement.Verdict verdict = Placement.judge(run(MADE, Instant.now()), OTHER, "cleanup");

        assertThat(verdict.mayProceed()).isFalse();
        assertThat(verdict.message()).isEqualTo("Run abc234 (s3-data-formats) was made on endpoint http://127.0.0.1:4566"
                + " (us-east-1); this cleanup targets endpoint http://127.0.0.1:4599 (us-east-1)."
                + " Use the same --target/--endpoint/--region, or --force.");
    }

    @Test
    void aLedgerThatDoesNotSayWhereProceedsAndSaysSo() throws Exception {
        Path file = runs.resolve("old111.json");
        Files.writeString(file, "{\"runId\":\"old111\",\"labId\":\"s3-data-formats\",\"target\":\"endpoint\","
                + "\"startedAt\":\"2026-11-27T10:00:00Z\",\"expiresAt\":\"2026-11-27T16:00:00Z\",\"entries\":[]}");

        Placement.Verdict verdict = Placement.judge(Ledger.load(file), OTHER, "cleanup");

        assertThat(verdict.kind()).isEqualTo(Placement.Kind.UNKNOWN);
        assertThat(verdict.message()).contains("does not say where it was made").contains("http://127.0.0.1:4599");
    }

    @Test
    void aThrowawayEmulatorWhoseProcessEndedTookItsResourcesWithIt() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Placement.Verdict verdict = Placement.judge(run(throwawayOf(ended.pid()), Instant.now()), THROWAWAY_HERE, "cleanup");

        assertThat(verdict.kind()).isEqualTo(Placement.Kind.ENDED);
        assertThat(verdict.message()).contains("ended with its process (" + ended.pid() + ")").doesNotContain("\n");
    }

    @Test
    void aThrowawayEmulatorWhoseProcessStillRunsIsLeftToThatProcess() throws Exception {
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            Instant afterItStarted = Instant.now().plusSeconds(1);

            Placement.Verdict verdict = Placement.judge(run(throwawayOf(running.pid()), afterItStarted), THROWAWAY_HERE, "cleanup");

            assertThat(verdict.kind()).isEqualTo(Placement.Kind.STILL_RUNNING);
            assertThat(verdict.mayProceed()).isFalse();
        } finally {
            running.destroy();
        }
    }

    @Test
    void aProcessThatStartedAfterTheRunIsAnotherOneReusingTheId() throws Exception {
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            Instant longBefore = Instant.now().minusSeconds(3600);

            Placement.Verdict verdict = Placement.judge(run(throwawayOf(running.pid()), longBefore), THROWAWAY_HERE, "cleanup");

            assertThat(verdict.kind()).isEqualTo(Placement.Kind.ENDED);
        } finally {
            running.destroy();
        }
    }

    @Test
    void aThrowawayEmulatorOfThisProcessIsTheSamePlaceAtItsOwnEndpoint() {
        Location mine = THROWAWAY_HERE.endingWithThisProcess();

        assertThat(Placement.judge(run(mine, Instant.now()), mine, "cleanup").kind()).isEqualTo(Placement.Kind.SAME);
    }

    @Test
    void aThrowawayEmulatorOfThisProcessIsNotReachedFromAnotherEndpoint() {
        Location mine = THROWAWAY_HERE.endingWithThisProcess();
        Location other = Location.of("embedded", Optional.of(URI.create("http://127.0.0.1:40002")), "us-east-1");

        assertThat(Placement.judge(run(mine, Instant.now()), other, "cleanup").kind()).isEqualTo(Placement.Kind.ELSEWHERE);
    }
}
