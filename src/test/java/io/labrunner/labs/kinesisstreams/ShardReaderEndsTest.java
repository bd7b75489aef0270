package io.labrunner.labs.kinesisstreams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Where the consumer stops reading a shard, against a stream served by hand: a closed parent is read to its end
 * even when a page claims to be at the tip, and an open shard stops at the tip.
 */
class ShardReaderEndsTest {

    /**
     * A two-shard stream after a split: a closed parent with 1,500 records and an open child with 10. Pages hold at
     * most 1,000 records; {@code tipTooEarly} makes every page answer MillisBehindLatest 0 (records arrived in the
     * same millisecond, as one backend computes it), and {@code endless} never ends the closed shard.
     */
    private static KinesisClient stream(boolean tipTooEarly, boolean endless, List<String> calls) {
        Map<String, Integer> sizes = Map.of("shardId-000000000000", 1_500, "shardId-000000000002", 10);
        return new KinesisClient() {
            @Override
            public ListShardsResponse listShards(Consumer<ListShardsRequest.Builder> request) {
                return ListShardsResponse.builder().shards(
                        Shard.builder().shardId("shardId-000000000000")
                                .sequenceNumberRange(r -> r.startingSequenceNumber("1").endingSequenceNumber("2000")).build(),
                        Shard.builder().shardId("shardId-000000000002").parentShardId("shardId-000000000000")
                                .sequenceNumberRange(r -> r.startingSequenceNumber("3000")).build()).build();
            }

            @Override
            public GetShardIteratorResponse getShardIterator(Consumer<GetShardIteratorRequest.Builder> request) {
                GetShardIteratorRequest r = GetShardIteratorRequest.builder().applyMutation(request).build();
                return GetShardIteratorResponse.builder().shardIterator(r.shardId() + "|0").build();
            }

            @Override
            public GetRecordsResponse getRecords(Consumer<GetRecordsRequest.Builder> request) {
                String iterator = GetRecordsRequest.builder().applyMutation(request).build().shardIterator();
                calls.add(iterator);
                if (calls.size() > 50) {
                    throw new IllegalStateException("the reader does not stop");
                }
                String shard = iterator.substring(0, iterator.indexOf('|'));
                int from = Integer.parseInt(iterator.substring(iterator.indexOf('|') + 1));
                int size = sizes.get(shard);
                int to = Math.min(size, from + 1_000);
                List<Record> records = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    records.add(Record.builder().partitionKey("k").sequenceNumber(shard + "-" + i)
                            .data(SdkBytes.fromUtf8String("r" + i)).build());
                }
                boolean closed = shard.endsWith("0");
                boolean end = closed && to == size && !endless;
                long behind = tipTooEarly || to == size ? 0 : 5_000;
                return GetRecordsResponse.builder().records(records).millisBehindLatest(behind)
                        .nextShardIterator(end ? null : shard + "|" + to).build();
            }

            @Override
            public String serviceName() {
                return "kinesis";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aClosedParentIsReadToItsEndEvenWhenAPageSaysItIsAtTheTip() throws Exception {
        List<String> calls = new ArrayList<>();

        List<ShardReader.Consumed> read = new ShardReader(stream(true, false, calls), "s").readAll();

        assertThat(read.stream().filter(c -> c.shardId().endsWith("0"))).hasSize(1_500);
        assertThat(read.stream().filter(c -> c.shardId().endsWith("2"))).hasSize(10);
        assertThat(read.get(0).shardId()).isEqualTo("shardId-000000000000");
    }

    @Test
    void aClosedShardThatNeverEndsIsLeftOnceAnEmptyPageIsAtTheTip() throws Exception {
        List<String> calls = new ArrayList<>();

        List<ShardReader.Consumed> read = new ShardReader(stream(false, true, calls), "s").readAll();

        assertThat(read).hasSize(1_510);
        assertThat(calls).filteredOn(c -> c.startsWith("shardId-000000000000")).hasSize(3);
    }

    @Test
    void anOpenShardStopsAtTheTip() throws Exception {
        List<String> calls = new ArrayList<>();

        new ShardReader(stream(false, false, calls), "s").readAll();

        assertThat(calls).filteredOn(c -> c.startsWith("shardId-000000000002")).hasSize(1);
    }
}
