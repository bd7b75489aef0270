package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A check skipped on this target shows why, and is not counted as one that behaved as expected. */
class SkippedCheckConsoleTest {

    @Test
    void aSkippedCheckSaysWhyAndStaysOutOfTheCount() {
        CheckOutcome judged = new CheckOutcome("every event once", "after solve", true, true, "6,000", List.of(),
                Duration.ofMillis(5));
        CheckOutcome skipped = CheckOutcome.skipped("throttling met", "after solve", true,
                "needs KINESIS_SHARD_LIMITS, which target floci does not emulate");
        StringWriter text = new StringWriter();
        try (Console console = new Console(new PrintWriter(text), new Style(false), false, false)) {
            console.checkFinished(judged);
            console.checkFinished(skipped);
            console.labFinished(new LabResult("kinesis-streams", "Kinesis", "abc234", "floci", "run", Outcome.PASSED, "",
                    List.of(), List.of(judged, skipped), List.of(), Duration.ofSeconds(1)));
        }

        assertThat(text.toString())
                .contains("○ throttling met  skipped: needs KINESIS_SHARD_LIMITS, which target floci does not emulate")
                .contains("(1/1 checks as expected, 1 skipped on this target)");
    }

    @Test
    void aCheckSkippedForTheBackendsFaultSaysItIsNotTheLearnersSolution() {
        CheckOutcome skipped = CheckOutcome.skipped("each device in order", "after solve", true,
                "needs KINESIS_RESHARD_LINEAGE, which target floci does not emulate",
                "Floci routes a record by its partition key's Java hash over all shards");
        StringWriter text = new StringWriter();
        try (Console console = new Console(new PrintWriter(text), new Style(false), false, false)) {
            console.checkFinished(skipped);
        }

        assertThat(text.toString()).contains("skipped: needs KINESIS_RESHARD_LINEAGE")
                .contains("not your solution: Floci routes a record by its partition key's Java hash over all shards");
    }
}
