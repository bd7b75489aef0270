package io.labrunner.labs.kinesisstreams;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The lab's checks. Each judges what is on the target: the stream's shards and records, and the
 * report the consumer wrote to S3.
 */
final class StreamChecks {
    private static final String RUN_THE_CONSUMER = "Consume every shard from TRIM_HORIZON and write what you read to s3://"
            + "<reports bucket>/" + KinesisStreamsLab.CONSUMED_KEY + " as in the guide.";

    private StreamChecks() {
    }

    /** One row of the consumer's report. */
    record Row(String shardId, String partitionKey, String sequenceNumber, Event event) {
    }

    static CheckResult exactlyOnce(LabContext ctx) throws Exception {
        Optional<List<Row>> report = report(ctx);
        if (report.isEmpty()) {
            return CheckResult.fail("no consumer report in S3", RUN_THE_CONSUMER);
        }
        int expected = KinesisStreamsLab.feed().size();
        Map<Integer, Integer> times = new HashMap<>();
        report.get().forEach(r -> times.merge(r.event().id(), 1, Integer::sum));
        long twice = times.values().stream().filter(n -> n > 1).count();
        long missing = expected - times.keySet().stream().filter(id -> id >= 0 && id < expected).count();
        int inStream = new ShardReader(ctx.kinesis(), KinesisStreamsLab.stream(ctx)).readAll().size();
        String seen = report.get().size() + " records consumed, " + inStream + " in the stream, " + expected + " events produced";
        if (missing > 0 || twice > 0) {
            return CheckResult.fail(seen + ": " + missing + " events missing, " + twice + " consumed more than once",
                    "Resend only the entries PutRecords reports as failed, and read closed shards to their end.");
        }
        if (inStream != expected) {
            return CheckResult.fail(seen, "The stream holds duplicates: a retry resent records that had been written.");
        }
        return CheckResult.pass(seen);
    }

    static CheckResult orderPerKey(LabContext ctx) throws Exception {
        Optional<List<Row>> report = report(ctx);
        if (report.isEmpty()) {
            return CheckResult.fail("no consumer report in S3", RUN_THE_CONSUMER);
        }
        Map<String, Integer> expectedNext = new HashMap<>();
        for (Row row : report.get()) {
            int next = expectedNext.getOrDefault(row.event().device(), 0);
            if (row.event().deviceSeq() != next) {
                return CheckResult.fail(row.event().device() + " event " + row.event().deviceSeq()
                        + " was consumed where event " + next + " was due",
                        "Retry failed entries before sending that device's next event, and read a parent shard"
                                + " to its end before its children.");
            }
            expectedNext.put(row.event().device(), next + 1);
        }
        if (expectedNext.isEmpty()) {
            return CheckResult.fail("the consumer report is empty", RUN_THE_CONSUMER);
        }
        return CheckResult.pass(expectedNext.size() + " devices, each consumed in production order");
    }

    /** Judged from the consumer's report, which the first check has held against the stream itself. */
    static CheckResult spreadAcrossShards(LabContext ctx) {
        Optional<List<Row>> report = report(ctx);
        if (report.isEmpty() || report.get().isEmpty()) {
            return CheckResult.fail("nothing consumed", RUN_THE_CONSUMER);
        }
        Map<String, Integer> perShard = new TreeMap<>();
        report.get().forEach(r -> perShard.merge(r.shardId(), 1, Integer::sum));
        String seen = "records per shard: " + perShard;
        int busiest = perShard.values().stream().max(Integer::compare).orElse(0);
        if (perShard.size() < 3 || busiest > 0.6 * report.get().size()) {
            return CheckResult.fail(seen, "Use a partition key with many values (the device id), not a constant:"
                    + " Kinesis hashes the key to pick the shard.");
        }
        return CheckResult.pass(seen);
    }

    static CheckResult reshardHappened(LabContext ctx) throws Exception {
        List<Shard> shards = new ShardReader(ctx.kinesis(), KinesisStreamsLab.stream(ctx)).shards();
        Optional<Shard> parent = shards.stream()
                .filter(s -> s.sequenceNumberRange().endingSequenceNumber() != null).findFirst();
        if (parent.isEmpty()) {
            return CheckResult.fail(shards.size() + " shards, none closed", "Split a shard with SplitShard mid-feed.");
        }
        String parentId = parent.get().shardId();
        List<String> children = shards.stream().filter(s -> parentId.equals(s.parentShardId()))
                .map(Shard::shardId).toList();
        Optional<List<Row>> report = report(ctx);
        if (report.isEmpty()) {
            return CheckResult.fail(parentId + " was split into " + children + " but nothing was consumed", RUN_THE_CONSUMER);
        }
        List<Row> rows = report.get();
        int lastOfParent = -1;
        List<Integer> firstOfChild = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).shardId().equals(parentId)) {
                lastOfParent = i;
            }
        }
        for (String child : children) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).shardId().equals(child)) {
                    firstOfChild.add(i);
                    break;
                }
            }
        }
        if (children.size() != 2 || lastOfParent < 0 || firstOfChild.size() != 2) {
            return CheckResult.fail(parentId + " closed with children " + children + "; records consumed from the parent: "
                    + (lastOfParent >= 0) + ", from children: " + firstOfChild.size(),
                    "Split mid-feed, so both the parent and its children hold records, and consume them all.");
        }
        int parentEnd = lastOfParent;
        if (firstOfChild.stream().anyMatch(i -> i < parentEnd)) {
            return CheckResult.fail("a child of " + parentId + " was consumed before its parent was finished",
                    "Read a parent shard until GetRecords returns no NextShardIterator, then its children.");
        }
        return CheckResult.pass(parentId + " split into " + String.join(" and ", children)
                + "; the parent was read to its end before its children");
    }

    static CheckResult throttlingHandled(LabContext ctx) throws Exception {
        Optional<String> stats = read(ctx, KinesisStreamsLab.PRODUCER_KEY);
        if (stats.isEmpty()) {
            return CheckResult.fail("no producer counters in S3",
                    "Count the entries PutRecords refused and write the counters to " + KinesisStreamsLab.PRODUCER_KEY + ".");
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(stats.get()));
        } catch (IOException e) {
            return CheckResult.fail("unreadable producer counters", "Write key=value lines.");
        }
        int throttled = Integer.parseInt(p.getProperty("throttledEntries", "0"));
        long consumed = report(ctx).map(rows -> rows.stream().map(r -> r.event().id()).distinct().count()).orElse(0L);
        int expected = KinesisStreamsLab.feed().size();
        String seen = throttled + " entries throttled and resent; " + consumed + " of " + expected + " events consumed";
        if (throttled == 0) {
            return CheckResult.fail(seen, "Send faster than 1,000 records/s per shard (PutRecords batches without pauses)"
                    + " so the shards throttle, and count the failed entries.");
        }
        if (consumed != expected) {
            return CheckResult.fail(seen, "Resend the failed entries with backoff until none is left.");
        }
        return CheckResult.pass(seen);
    }

    private static Optional<List<Row>> report(LabContext ctx) {
        return read(ctx, KinesisStreamsLab.CONSUMED_KEY).map(csv -> {
            List<Row> rows = new ArrayList<>();
            String[] lines = csv.split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", 4);
                rows.add(new Row(f[0], f[1], f[2], Event.parse(f[3])));
            }
            return rows;
        });
    }

    private static Optional<String> read(LabContext ctx, String key) {
        try {
            return Optional.of(ctx.s3().getObjectAsBytes(r -> r.bucket(KinesisStreamsLab.bucket(ctx)).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
