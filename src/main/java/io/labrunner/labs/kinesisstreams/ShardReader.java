package io.labrunner.labs.kinesisstreams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A consumer that reads every shard of a stream from TRIM_HORIZON, a parent shard to its end before
 * its children, so a partition key's records come out in the order they were written even across a
 * reshard (what the Kinesis Client Library does for you).
 */
final class ShardReader {
    /** One record as consumed: which shard it came from, and its place there. */
    record Consumed(String shardId, String partitionKey, String sequenceNumber, String data) {
    }

    private final KinesisClient kinesis;
    private final String stream;
    private int throttledReads;

    ShardReader(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    /** Every shard, following ListShards' NextToken (which must be sent without the stream name). */
    List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        ListShardsResponse page = kinesis.listShards(r -> r.streamName(stream));
        shards.addAll(page.shards());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(r -> r.nextToken(token));
            shards.addAll(page.shards());
        }
        return shards;
    }

    /** Reads the whole stream, parents first. */
    List<Consumed> readAll() throws InterruptedException {
        List<Shard> remaining = new ArrayList<>(shards());
        Set<String> known = new HashSet<>();
        remaining.forEach(s -> known.add(s.shardId()));
        Set<String> done = new HashSet<>();
        List<Consumed> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Shard next = remaining.stream().filter(s -> parentsDone(s, known, done)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("shard lineage has a cycle"));
            out.addAll(readShard(next.shardId(), next.sequenceNumberRange().endingSequenceNumber() != null));
            done.add(next.shardId());
            remaining.remove(next);
        }
        return out;
    }

    private static boolean parentsDone(Shard s, Set<String> known, Set<String> done) {
        return isDone(s.parentShardId(), known, done) && isDone(s.adjacentParentShardId(), known, done);
    }

    /** A parent past retention is no longer listed: nothing to wait for. */
    private static boolean isDone(String parent, Set<String> known, Set<String> done) {
        return parent == null || !known.contains(parent) || done.contains(parent);
    }

    /**
     * Reads one shard from TRIM_HORIZON: a closed shard (it has an ending sequence number) until
     * GetRecords returns no next iterator, its end; an open one until it has caught up
     * (MillisBehindLatest 0). Stopping a closed shard at MillisBehindLatest 0 instead could leave
     * the rest of a parent unread, and its children would then be read too early.
     */
    private List<Consumed> readShard(String shardId, boolean closed) throws InterruptedException {
        List<Consumed> out = new ArrayList<>();
        String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        while (iterator != null) {
            GetRecordsResponse page = getRecords(iterator);
            for (Record r : page.records()) {
                out.add(new Consumed(shardId, r.partitionKey(), r.sequenceNumber(), r.data().asUtf8String()));
            }
            iterator = page.nextShardIterator();
            boolean atTip = Long.valueOf(0).equals(page.millisBehindLatest());
            // An open shard at the tip: asking again would only spend its read allowance (5 calls and
            // 2 MiB per second). A closed one ends with no next iterator; an empty page at the tip means
            // nothing of it is left either.
            if (iterator != null && atTip && (!closed || page.records().isEmpty())) {
                break;
            }
        }
        return out;
    }

    /** GetRecords, waiting and retrying when the shard is over its 5 reads/s or 2 MiB/s. */
    private GetRecordsResponse getRecords(String iterator) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return kinesis.getRecords(r -> r.shardIterator(iterator).limit(10_000));
            } catch (ProvisionedThroughputExceededException e) {
                throttledReads++;
                if (attempt == 10) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    int throttledReads() {
        return throttledReads;
    }
}
