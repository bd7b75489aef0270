package io.labrunner.labs.firehosevsstreams;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Lab;
import io.labrunner.testing.WrongSolution;
import io.labrunner.core.LabContext;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Plausible wrong solutions, run for real on the embedded emulator: the check that should catch
 * the mistake fails with a first hint that names it.
 */
class WrongSolutionsTest {
    private static EmbeddedEmulator emulator;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theNamesAreTheOnesTheGuideUses() {
        assertThat(new FirehoseVsStreamsLab().names(RunNames.of("abc123"))).containsExactly(
                Map.entry("BUCKET", "lab-abc123-lake"), Map.entry("STREAM", "lab-abc123-feed"),
                Map.entry("DELIVERY_STREAM", "lab-abc123-to-s3"));
    }

    @Test
    void recordsSentWithoutANewlineAreToldTheyRanTogether() {
        LabResult result = run(ctx -> send(ctx, false, true));
        CheckOutcome landed = check(result, "Every event landed in S3 once, each object within the buffer interval");
        assertThat(landed.passed()).isFalse();
        assertThat(landed.detail()).contains("run together");
        assertThat(landed.hint()).contains("without a newline");
        assertThat(check(result, "The stream replays every event from TRIM_HORIZON").passed()).isTrue();
    }

    @Test
    void aFeedSentOnlyToFirehoseIsToldTheStreamHasNothingToReplay() {
        LabResult result = run(ctx -> send(ctx, true, false));
        assertThat(check(result, "Every event landed in S3 once, each object within the buffer interval").passed()).isTrue();
        CheckOutcome replay = check(result, "The stream replays every event from TRIM_HORIZON");
        assertThat(replay.passed()).isFalse();
        assertThat(replay.hint()).contains("went to Firehose only");
    }

    @Test
    void anObjectALittleOverTheSizeHintAsAnotherBackendCutsItStillFollowsTheHints() {
        // Floci cut 1,072,800 bytes against the 1 MiB hint: the whole call that filled its buffer went in.
        LabResult result = run(ctx -> {
            send(ctx, true, false);
            putObjectNamedAsFirehoseDoes(ctx, 1_072_800);
        });
        CheckOutcome hints = check(result, "Object count and sizes follow the buffering hints");
        assertThat(hints.passed()).as(hints.detail()).isTrue();
        assertThat(hints.detail()).contains("largest 1,072,800 bytes");
    }

    @Test
    void anObjectFarBeyondTheSizeHintIsToldSomethingElseWroteIt() {
        LabResult result = run(ctx -> {
            send(ctx, true, false);
            putObjectNamedAsFirehoseDoes(ctx, 6 * 1024 * 1024);
        });
        CheckOutcome hints = check(result, "Object count and sizes follow the buffering hints");
        assertThat(hints.passed()).isFalse();
        assertThat(hints.hint()).contains("something other than Firehose");
    }

    /** An object under events/ named as Firehose names its own, {@code size} bytes of no event. */
    private static void putObjectNamedAsFirehoseDoes(LabContext ctx, int size) {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        String key = FirehoseVsStreamsLab.PREFIX_ROOT + now.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd/"))
                + FirehoseVsStreamsLab.deliveryStream(ctx) + "-1-"
                + now.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")) + "-"
                + java.util.UUID.randomUUID();
        ctx.s3().putObject(r -> r.bucket(FirehoseVsStreamsLab.bucket(ctx)).key(key), RequestBody.fromString("x".repeat(size)));
    }

    /** Sends the feed to Firehose (with or without each record's newline) and, if asked, to the stream; reports made-up latencies. */
    private static void send(LabContext ctx, boolean newline, boolean toStream) throws Exception {
        for (int first = 0; first < FirehoseVsStreamsLab.EVENTS; first += FirehoseVsStreamsLab.BATCH) {
            List<FeedEvent> batch = new ArrayList<>();
            for (int id = first; id < first + FirehoseVsStreamsLab.BATCH; id++) {
                batch.add(new FeedEvent(id, "device-" + (id % 50), System.currentTimeMillis()));
            }
            if (toStream) {
                for (FeedEvent e : batch) {
                    putUntilAccepted(ctx, e);
                }
            }
            List<Record> records = batch.stream().map(e -> Record.builder().data(SdkBytes.fromUtf8String(
                    newline ? e.toJsonLine() : e.toJsonLine().strip())).build()).toList();
            ctx.firehose().putRecordBatch(r -> r.deliveryStreamName(FirehoseVsStreamsLab.deliveryStream(ctx)).records(records));
        }
        Thread.sleep((FirehoseVsStreamsLab.BUFFER_SECONDS + 3) * 1000L);
        ctx.s3().putObject(r -> r.bucket(FirehoseVsStreamsLab.bucket(ctx)).key(FirehoseVsStreamsLab.REPORT_KEY),
                RequestBody.fromString("streamP50Ms=200\nfirehoseP50Ms=2500\n"));
    }

    private static void putUntilAccepted(LabContext ctx, FeedEvent e) throws InterruptedException {
        while (true) {
            try {
                ctx.kinesis().putRecord(r -> r.streamName(FirehoseVsStreamsLab.stream(ctx)).partitionKey(e.device())
                        .data(SdkBytes.fromUtf8String(e.toJsonLine())));
                return;
            } catch (software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException ex) {
                Thread.sleep(100);
            }
        }
    }

    private interface Solve {
        void solve(LabContext ctx) throws Exception;
    }

    private LabResult run(Solve wrong) {
        FirehoseVsStreamsLab real = new FirehoseVsStreamsLab();
        Lab lab = new WrongSolution(real, wrong::solve);
        LabResult result = emulator.runner(new StateDirectory(home)).run(lab, false);
        result.checks().forEach(c -> System.out.println((c.passed() ? "✔ " : "✘ ") + c.name() + " — " + c.detail()
                + (c.passed() ? "" : "\n    hints: " + c.hints())));
        assertThat(result.phases()).allMatch(p -> p.ok(), "every phase ran: " + result.message());
        return result;
    }

    private static CheckOutcome check(LabResult result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
