package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a KinesisStreamAsSource stream's Kinesis stream as a consumer would: every shard, parents
 * and children, from the delivery stream's creation time ({@code AT_TIMESTAMP}), through the
 * Kinesis API, so its reads count against each shard's read limits as Firehose's do on AWS.
 */
final class KinesisSourceReader {
    private static final int LIMIT = 10_000;

    private KinesisSourceReader() {
    }

    static void read(KinesisApi kinesis, String region, DeliveryStream stream, BiConsumer<DeliveryStream, byte[]> sink) {
        try {
            Map<String, String> iterators = stream.shardIterators();
            JsonNode shards = kinesis.call(region, "ListShards",
                    Json.object().put("StreamARN", stream.sourceStreamArn())).path("Shards");
            for (JsonNode shard : shards) {
                String shardId = shard.path("ShardId").asText();
                if (!iterators.containsKey(shardId)) {
                    String readTo = stream.readPositions().get(shardId);
                    if (DeliveryStream.SHARD_READ.equals(readTo)) {
                        iterators.put(shardId, null);
                        continue;
                    }
                    ObjectNode request = Json.object().put("StreamARN", stream.sourceStreamArn()).put("ShardId", shardId);
                    // After a restart, carry on after the last record read, as the stream's iterators are gone.
                    if (readTo != null) {
                        request.put("ShardIteratorType", "AFTER_SEQUENCE_NUMBER").put("StartingSequenceNumber", readTo);
                    } else {
                        request.put("ShardIteratorType", "AT_TIMESTAMP")
                                .put("Timestamp", BigDecimal.valueOf(stream.createdMillis(), 3));
                    }
                    iterators.put(shardId, kinesis.call(region, "GetShardIterator", request)
                            .path("ShardIterator").asText());
                }
            }
            for (String shardId : new ArrayList<>(iterators.keySet())) {
                String iterator = iterators.get(shardId);
                if (iterator == null) {
                    continue;
                }
                JsonNode page = kinesis.call(region, "GetRecords",
                        Json.object().put("ShardIterator", iterator).put("Limit", LIMIT));
                List<byte[]> records = new ArrayList<>();
                String last = null;
                for (JsonNode record : page.path("Records")) {
                    records.add(record.get("Data").binaryValue());
                    last = record.path("SequenceNumber").asText(null);
                }
                records.forEach(r -> sink.accept(stream, r));
                JsonNode next = page.get("NextShardIterator");
                iterators.put(shardId, next == null || next.isNull() ? null : next.asText());
                if (next == null || next.isNull()) {
                    stream.readPositions().put(shardId, DeliveryStream.SHARD_READ);
                } else if (last != null) {
                    stream.readPositions().put(shardId, last);
                }
            }
        } catch (AwsException e) {
            // Throttled, or the stream is not ACTIVE yet or gone: Firehose tries again on its next poll.
        } catch (IOException e) {
            throw new IllegalStateException("Kinesis returned a record that is not base64", e);
        }
    }
}
