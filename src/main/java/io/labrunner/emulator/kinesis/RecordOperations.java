package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data-plane operations: writing records, and reading them through shard iterators. */
final class RecordOperations {
    static final int MAX_RECORD_BYTES = 1024 * 1024;
    static final int MAX_BATCH_RECORDS = 500;
    static final int MAX_BATCH_BYTES = 5 * 1024 * 1024;

    private final ShardIterators iterators = new ShardIterators();

    Map<String, Object> putRecord(Input in, Streams streams) {
        String name = in.streamName();
        String partitionKey = in.string("PartitionKey");
        byte[] data = data(in.blob("Data"), "data");
        BigInteger explicit = in.hashKey("ExplicitHashKey");
        String ordering = in.string("SequenceNumberForOrdering");
        Stream stream = streams.readable(name);
        if (ordering != null) {
            checkOrdering(ordering, stream);
        }
        Streams.PutOutcome outcome = streams.put(stream, hashKey(explicit, partitionKey), partitionKey, data);
        if (outcome.failed()) {
            throw KinesisErrors.writeThrottled(outcome.shard().shardId(), stream.name());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ShardId", outcome.shard().shardId());
        out.put("SequenceNumber", outcome.record().sequenceNumber());
        out.put("EncryptionType", "NONE");
        return out;
    }

    /**
     * PutRecords: the batch is validated as a whole, then each record succeeds or fails on its own;
     * failures carry ErrorCode and ErrorMessage and count in FailedRecordCount
     * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html).
     */
    Map<String, Object> putRecords(Input in, Streams streams) {
        String name = in.streamName();
        JsonNode entries = in.node().get("Records");
        List<Input> batch = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        List<BigInteger> hashKeys = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            Input entry = new Input(entries.get(i));
            String partitionKey = entry.string("PartitionKey");
            byte[] data = data(entry.blob("Data"), "records." + (i + 1) + ".member.data");
            total += StoredRecord.sizeOf(partitionKey, data);
            if (total > MAX_BATCH_BYTES) {
                // Refused as soon as the running total passes the limit: decoding the rest would hold up
                // to 500 MiB for a request that fails anyway.
                throw KinesisErrors.invalidArgument("Records size exceeds 5 MB limit");
            }
            batch.add(entry);
            payloads.add(data);
            hashKeys.add(hashKey(entry.hashKey("ExplicitHashKey"), partitionKey));
        }
        Stream stream = streams.readable(name);
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < batch.size(); i++) {
            Input entry = batch.get(i);
            // The data was decoded once while validating: decoding base64 again would double the cost.
            Streams.PutOutcome outcome = streams.put(stream, hashKeys.get(i), entry.string("PartitionKey"),
                    payloads.get(i));
            Map<String, Object> result = new LinkedHashMap<>();
            if (outcome.failed()) {
                failed++;
                result.put("ErrorCode", outcome.errorCode());
                result.put("ErrorMessage", outcome.errorMessage());
            } else {
                result.put("SequenceNumber", outcome.record().sequenceNumber());
                result.put("ShardId", outcome.shard().shardId());
            }
            results.add(result);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("FailedRecordCount", failed);
        out.put("Records", results);
        out.put("EncryptionType", "NONE");
        return out;
    }

    Map<String, Object> getShardIterator(Input in, Streams streams) {
        String name = in.streamName();
        String shardId = in.string("ShardId");
        String type = in.string("ShardIteratorType");
        String startingSequence = in.string("StartingSequenceNumber");
        Long timestamp = in.timestampMillis("Timestamp");
        Stream stream = streams.readable(name);
        Shard shard = stream.shard(shardId);
        if (shard == null) {
            throw KinesisErrors.shardNotFound(shardId, name);
        }
        long now = streams.now();
        long position;
        switch (type) {
            case "TRIM_HORIZON":
            case "LATEST":
                if (startingSequence != null) {
                    throw KinesisErrors.invalidArgument(iteratorTypeMismatch(type, "also a"));
                }
                position = type.equals("LATEST") ? shard.nextPosition() : shard.trimHorizon(stream.retentionCutoff(now));
                break;
            case "AT_TIMESTAMP":
                if (timestamp == null) {
                    throw KinesisErrors.invalidArgument("Must specify timestampInMillis parameter for iterator of type "
                            + "AT_TIMESTAMP. Current request has no timestamp parameter.");
                }
                if (timestamp > now) {
                    throw KinesisErrors.invalidArgument("The timestampInMillis parameter cannot be greater than the "
                            + "currentTimestampInMillis. timestampInMillis: " + timestamp
                            + ", currentTimestampInMillis: " + now);
                }
                position = Math.max(shard.positionAtTimestamp(timestamp), shard.trimHorizon(stream.retentionCutoff(now)));
                break;
            default:
                if (startingSequence == null) {
                    throw KinesisErrors.invalidArgument(iteratorTypeMismatch(type, "no"));
                }
                BigInteger at = sequencePosition(startingSequence, shard, stream);
                BigInteger wanted = type.equals("AT_SEQUENCE_NUMBER") ? at.max(BigInteger.ONE) : at.add(BigInteger.ONE);
                position = wanted.min(BigInteger.valueOf(shard.nextPosition())).longValueExact();
        }
        String iterator = iterators.issue(new ShardIterators.Position(name, stream.createdMillis(), shardId, position, now));
        return Map.of("ShardIterator", iterator);
    }

    Map<String, Object> getRecords(Input in, Streams streams) {
        String token = in.string("ShardIterator");
        int limit = Paging.limit(in.integer("Limit"), 10000);
        ShardIterators.Position position = iterators.open(token, streams.now());
        Stream stream;
        try {
            stream = streams.get(position.streamName());
        } catch (AwsException e) {
            throw KinesisErrors.shardNotFound(position.shardId(), position.streamName());
        }
        Shard shard = stream.shard(position.shardId());
        if (stream.createdMillis() != position.streamCreatedMillis() || shard == null) {
            throw KinesisErrors.shardNotFound(position.shardId(), position.streamName());
        }
        Streams.ReadResult result = streams.read(stream, shard, position.position(), limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Records", result.records());
        if (result.nextPosition() != null) {
            out.put("NextShardIterator", iterators.issue(new ShardIterators.Position(stream.name(),
                    stream.createdMillis(), shard.shardId(), result.nextPosition(), streams.now())));
        }
        out.put("MillisBehindLatest", result.millisBehindLatest());
        if (!result.childShards().isEmpty()) {
            out.put("ChildShards", result.childShards().stream().map(Shapes::childShard).toList());
        }
        return out;
    }

    private static String iteratorTypeMismatch(String type, String also) {
        return "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or "
                + "(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified " + type + " and "
                + also + " StartingSequenceNumber.";
    }

    private static BigInteger sequencePosition(String sequence, Shard shard, Stream stream) {
        SequenceNumbers.Parts parts;
        try {
            parts = SequenceNumbers.parse(sequence);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.invalidArgument("StartingSequenceNumber " + sequence + " used in GetShardIterator on shard "
                    + shard.shardId() + " in stream " + stream.name() + " under account " + KinesisErrors.ACCOUNT
                    + " is invalid.");
        }
        if (parts.shardIndex() != shard.index()) {
            throw KinesisErrors.invalidArgument("Invalid StartingSequenceNumber. It encodes "
                    + Shard.idOf(parts.shardIndex()) + ", while it was used in a call to a shard with "
                    + shard.shardId());
        }
        if (parts.streamCreatedMillis() != stream.createdMillis()) {
            throw KinesisErrors.invalidArgument("StartingSequenceNumber " + sequence + " used in GetShardIterator on shard "
                    + shard.shardId() + " in stream " + stream.name() + " under account " + KinesisErrors.ACCOUNT
                    + " is invalid because it did not come from this stream.");
        }
        return parts.position();
    }

    private static void checkOrdering(String ordering, Stream stream) {
        try {
            SequenceNumbers.parse(ordering);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.invalidArgument("ExclusiveMinimumSequenceNumber " + ordering
                    + " used in PutRecord on stream " + stream.name() + " under account " + KinesisErrors.ACCOUNT
                    + " is invalid.");
        }
    }

    private static BigInteger hashKey(BigInteger explicit, String partitionKey) {
        if (explicit == null) {
            return HashKeys.of(partitionKey);
        }
        if (!HashKeys.inRange(explicit)) {
            throw KinesisErrors.invalidArgument("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: "
                    + "[0, 2^128-1]. Specified value was " + explicit);
        }
        return explicit;
    }

    /**
     * The record's data within the 1 MiB this emulator keeps as the per-record limit (the model
     * now allows up to 10 MiB for streams configured with a larger MaxRecordSizeInKiB).
     */
    private static byte[] data(byte[] value, String path) {
        if (value.length > MAX_RECORD_BYTES) {
            throw KinesisErrors.validation(path, "have length less than or equal to " + MAX_RECORD_BYTES);
        }
        return value;
    }
}
