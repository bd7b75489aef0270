package io.labrunner.labs.kinesisstreams;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Plausible wrong solutions, each run for real on the embedded emulator: the check that should
 * catch the mistake fails, and its first hint names what went wrong rather than the most common mistake.
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
        Map<String, String> names = new KinesisStreamsLab().names(RunNames.of("abc123"));
        assertThat(names).containsExactly(Map.entry("STREAM", "lab-abc123-events"), Map.entry("BUCKET", "lab-abc123-reports"));
    }

    @Test
    void aProducerThatDropsRefusedEntriesIsToldTheyWereNotSentAgain() {
        LabResult result = run(ctx -> {
            List<Event> feed = KinesisStreamsLab.feed();
            sendOnce(ctx.kinesis(), KinesisStreamsLab.stream(ctx), feed.subList(0, 3000));
            split(ctx);
            sendOnce(ctx.kinesis(), KinesisStreamsLab.stream(ctx), feed.subList(3000, 6000));
            report(ctx, new ShardReader(ctx.kinesis(), KinesisStreamsLab.stream(ctx)).readAll());
        });
        CheckOutcome held = check(result, "The stream holds every event of the feed once");
        assertThat(held.passed()).isFalse();
        assertThat(held.hint()).contains("PutRecords refused them and they were not sent again");
        assertThat(held.hints()).hasSize(3);
        CheckOutcome throttling = check(result, "The producer met the shards' write limit and still delivered every event");
        assertThat(throttling.passed()).isFalse();
        assertThat(throttling.detail()).contains("never reached the stream");
        CheckOutcome consumed = check(result, "Every event was consumed exactly once");
        assertThat(consumed.hint()).contains("never written");
    }

    @Test
    void stoppingAfterPhaseOneIsCalledThatAndNotAPartitionKeyProblem() {
        LabResult result = run(ctx -> {
            new Producer(ctx.kinesis(), KinesisStreamsLab.stream(ctx)).send(KinesisStreamsLab.feed().subList(0, 3000));
            report(ctx, new ShardReader(ctx.kinesis(), KinesisStreamsLab.stream(ctx)).readAll());
        });
        CheckOutcome held = check(result, "The stream holds every event of the feed once");
        assertThat(held.detail()).contains("3,000 of 6,000").contains("3000–5999").contains("no shard has been split");
        assertThat(held.hint()).contains("stopped after phase one");
        CheckOutcome spread = check(result, "The partition keys spread the records across the shards");
        assertThat(spread.passed()).isFalse();
        assertThat(spread.hint()).contains("No shard was split").doesNotContain("partition key");
        assertThat(check(result, "A shard was split mid-feed and read parent first, then its children").hint())
                .contains("No shard has been split");
    }

    @Test
    void aConsumerThatReadsOnlyOpenShardsIsToldItSkippedTheClosedParent() {
        LabResult result = run(ctx -> {
            produceCorrectly(ctx);
            KinesisClient kinesis = ctx.kinesis();
            List<ShardReader.Consumed> consumed = new ArrayList<>();
            for (Shard s : new ShardReader(kinesis, KinesisStreamsLab.stream(ctx)).shards()) {
                if (s.sequenceNumberRange().endingSequenceNumber() == null) {
                    consumed.addAll(readShard(kinesis, KinesisStreamsLab.stream(ctx), s.shardId()));
                }
            }
            report(ctx, consumed);
        });
        assertThat(check(result, "The stream holds every event of the feed once").passed()).isTrue();
        CheckOutcome reshard = check(result, "A shard was split mid-feed and read parent first, then its children");
        assertThat(reshard.passed()).isFalse();
        assertThat(reshard.hint()).contains("skipped the closed shard shardId-000000000000");
        CheckOutcome consumed = check(result, "Every event was consumed exactly once");
        assertThat(consumed.passed()).isFalse();
        assertThat(consumed.detail()).contains("on shardId-000000000000 (closed)");
        assertThat(consumed.hint()).contains("never read shardId-000000000000").contains("closed shard");
    }

    @Test
    void aConsumerThatReadsChildrenBeforeTheirParentIsToldSoAndTheProducerIsNotBlamed() {
        LabResult result = run(ctx -> {
            produceCorrectly(ctx);
            KinesisClient kinesis = ctx.kinesis();
            List<Shard> shards = new ArrayList<>(new ShardReader(kinesis, KinesisStreamsLab.stream(ctx)).shards());
            shards.sort(Comparator.comparing(Shard::shardId).reversed());
            List<ShardReader.Consumed> consumed = new ArrayList<>();
            for (Shard s : shards) {
                consumed.addAll(readShard(kinesis, KinesisStreamsLab.stream(ctx), s.shardId()));
            }
            report(ctx, consumed);
        });
        assertThat(check(result, "Every event was consumed exactly once").passed()).isTrue();
        CheckOutcome order = check(result, "Each device's events were consumed in the order they were produced");
        assertThat(order.passed()).isFalse();
        assertThat(order.hint()).contains("read a child shard before finishing its parent");
        assertThat(check(result, "A shard was split mid-feed and read parent first, then its children").hint())
                .contains("before it had finished the parent");
    }

    @Test
    void aRecordSentByHandIsLeftOutAndTheLabStillPasses() {
        LabResult result = run(ctx -> {
            ctx.kinesis().putRecord(r -> r.streamName(KinesisStreamsLab.stream(ctx)).partitionKey("by-hand")
                    .data(SdkBytes.fromUtf8String("hello from the CLI")));
            new KinesisStreamsLab().solve(ctx);
        });
        result.checks().forEach(c -> assertThat(c.passed()).as(c.name() + ": " + c.detail()).isTrue());
        assertThat(check(result, "The stream holds every event of the feed once").detail())
                .contains("1 other record(s) (partition key by-hand) are not feed events");
    }

    @Test
    void aFeedEventSentTwiceIsADuplicateInTheStreamNotAConsumerReread() {
        LabResult result = run(ctx -> {
            Event first = KinesisStreamsLab.feed().get(0);
            ctx.kinesis().putRecord(r -> r.streamName(KinesisStreamsLab.stream(ctx)).partitionKey(first.device())
                    .data(SdkBytes.fromUtf8String(first.toLine())));
            new KinesisStreamsLab().solve(ctx);
        });
        CheckOutcome held = check(result, "The stream holds every event of the feed once");
        assertThat(held.passed()).isFalse();
        assertThat(held.hint()).contains("the producer wrote these events twice");
        CheckOutcome consumed = check(result, "Every event was consumed exactly once");
        assertThat(consumed.hint()).contains("The stream itself holds these events twice").doesNotContain("retry");
    }

    // ---- wrong solutions' parts ----------------------------------------------------------------------

    private interface Solve {
        void solve(LabContext ctx) throws Exception;
    }

    private LabResult run(Solve wrong) {
        KinesisStreamsLab real = new KinesisStreamsLab();
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

    /** PutRecords batches of 500, each sent once: whatever a shard refuses is lost. */
    private static void sendOnce(KinesisClient kinesis, String stream, List<Event> events) {
        for (int i = 0; i < events.size(); i += 500) {
            List<PutRecordsRequestEntry> entries = events.subList(i, Math.min(events.size(), i + 500)).stream()
                    .map(e -> PutRecordsRequestEntry.builder().partitionKey(e.device())
                            .data(SdkBytes.fromUtf8String(e.toLine())).build()).toList();
            kinesis.putRecords(r -> r.streamName(stream).records(entries));
        }
    }

    private static void produceCorrectly(LabContext ctx) throws Exception {
        Producer producer = new Producer(ctx.kinesis(), KinesisStreamsLab.stream(ctx));
        producer.send(KinesisStreamsLab.feed().subList(0, 3000));
        split(ctx);
        producer.send(KinesisStreamsLab.feed().subList(3000, 6000));
    }

    private static void split(LabContext ctx) {
        String stream = KinesisStreamsLab.stream(ctx);
        ctx.kinesis().splitShard(r -> r.streamName(stream).shardToSplit("shardId-000000000000")
                .newStartingHashKey("85070591730234615865843651857942052864"));
        KinesisStreamsLab.waitForActive(ctx.kinesis(), stream);
    }

    private static List<ShardReader.Consumed> readShard(KinesisClient kinesis, String stream, String shardId) throws Exception {
        List<ShardReader.Consumed> out = new ArrayList<>();
        String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        while (iterator != null) {
            String it = iterator;
            GetRecordsResponse page;
            try {
                page = kinesis.getRecords(r -> r.shardIterator(it));
            } catch (software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException e) {
                Thread.sleep(300);
                continue;
            }
            page.records().forEach(r -> out.add(new ShardReader.Consumed(shardId, r.partitionKey(), r.sequenceNumber(),
                    r.data().asUtf8String())));
            iterator = page.nextShardIterator();
            if (page.records().isEmpty() && page.millisBehindLatest() == 0) {
                break;
            }
        }
        return out;
    }

    private static void report(LabContext ctx, List<ShardReader.Consumed> consumed) {
        ctx.s3().putObject(r -> r.bucket(KinesisStreamsLab.bucket(ctx)).key(KinesisStreamsLab.CONSUMED_KEY),
                RequestBody.fromString(KinesisStreamsLab.toCsv(consumed)));
    }
}
