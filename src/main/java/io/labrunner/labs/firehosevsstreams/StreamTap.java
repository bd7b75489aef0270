package io.labrunner.labs.firehosevsstreams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A data stream consumer you manage yourself: one iterator per shard, opened at TRIM_HORIZON (the
 * oldest record still retained), polled with GetRecords. With Firehose there is nothing like it:
 * Firehose is the consumer, and its only output is the destination.
 */
final class StreamTap {
    /** A record as the consumer received it. */
    record Received(FeedEvent event, String shardId, long receivedAtMs) {
    }

    private final KinesisClient kinesis;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private boolean caughtUp;

    /** Opens every shard at TRIM_HORIZON. */
    StreamTap(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
            iterators.put(shard.shardId(), kinesis.getShardIterator(r -> r.streamName(stream)
                    .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
    }

    /** One GetRecords per shard: whatever has arrived since the last poll. */
    List<Received> poll() throws InterruptedException {
        List<Received> out = new ArrayList<>();
        caughtUp = true;
        for (Map.Entry<String, String> shard : iterators.entrySet()) {
            if (shard.getValue() == null) {
                continue;
            }
            GetRecordsResponse page = getRecords(shard.getValue());
            long now = System.currentTimeMillis();
            for (Record r : page.records()) {
                out.add(new Received(FeedEvent.parse(r.data().asUtf8String()), shard.getKey(), now));
            }
            shard.setValue(page.nextShardIterator());
            caughtUp &= page.millisBehindLatest() == 0;
        }
        return out;
    }

    /** Polls until every shard is at its tip (MillisBehindLatest 0): the whole retained stream, for a replay. */
    List<Received> readToEnd() throws InterruptedException {
        List<Received> all = new ArrayList<>(poll());
        while (!caughtUp) {
            all.addAll(poll());
        }
        return all;
    }

    /** A shard allows 5 GetRecords calls per second: back off and retry when over. */
    private GetRecordsResponse getRecords(String iterator) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return kinesis.getRecords(r -> r.shardIterator(iterator));
            } catch (ProvisionedThroughputExceededException e) {
                if (attempt == 10) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }
}
