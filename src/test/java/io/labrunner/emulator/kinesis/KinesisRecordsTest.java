package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.protocol.WireFormat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing records, routing them to shards, and reading them back through every iterator type. */
class KinesisRecordsTest {
    private final MutableClock clock = MutableClock.atSomeMoment();
    private final KinesisService service = new KinesisService(KinesisSettings.defaults().withClock(clock));

    private KinesisCaller activeStream(WireFormat format, String name, int shards) {
        KinesisCaller k = new KinesisCaller(service, format);
        k.createStream(name, shards);
        clock.advance(Duration.ofSeconds(1));
        return k;
    }

    private static AwsException error(Runnable call) {
        try {
            call.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static BigInteger md5(String key) throws Exception {
        return new BigInteger(1, MessageDigest.getInstance("MD5").digest(utf8(key)));
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void eachPartitionKeyLandsOnTheShardWhoseRangeHoldsItsMd5(WireFormat format) throws Exception {
        KinesisCaller k = activeStream(format, "routed", 4);
        JsonNode shards = k.describe("routed").path("Shards");

        for (int i = 0; i < 40; i++) {
            String key = "customer-" + i;
            String shardId = k.putRecord("routed", key, utf8("x")).path("ShardId").asText();
            BigInteger hash = md5(key);
            JsonNode owner = null;
            for (JsonNode s : shards) {
                BigInteger start = new BigInteger(s.path("HashKeyRange").path("StartingHashKey").asText());
                BigInteger end = new BigInteger(s.path("HashKeyRange").path("EndingHashKey").asText());
                if (hash.compareTo(start) >= 0 && hash.compareTo(end) <= 0) {
                    owner = s;
                }
            }
            assertThat(owner).as("shard owning %s", key).isNotNull();
            assertThat(shardId).as(key).isEqualTo(owner.path("ShardId").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void anExplicitHashKeyOverridesThePartitionKey(WireFormat format) {
        KinesisCaller k = activeStream(format, "explicit", 2);
        String top = HashKeys.MAX.toString();

        JsonNode put = k.call("PutRecord", Map.of("StreamName", "explicit", "PartitionKey", "any",
                "ExplicitHashKey", top, "Data", utf8("x")));

        assertThat(put.path("ShardId").asText()).isEqualTo("shardId-000000000001");
        AwsException tooBig = error(() -> k.call("PutRecord", Map.of("StreamName", "explicit", "PartitionKey", "any",
                "ExplicitHashKey", HashKeys.MAX.add(BigInteger.ONE).toString(), "Data", utf8("x"))));
        assertThat(tooBig.code()).isEqualTo("InvalidArgumentException");
        assertThat(tooBig.getMessage()).isEqualTo("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: "
                + "[0, 2^128-1]. Specified value was 340282366920938463463374607431768211456");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void sequenceNumbersLookLikeAwsOnesAndIncreaseWithinAShard(WireFormat format) {
        KinesisCaller k = activeStream(format, "ordered", 1);
        List<BigInteger> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String seq = k.putRecord("ordered", "k" + i, utf8("r" + i)).path("SequenceNumber").asText();
            assertThat(seq).hasSize(56).startsWith("49").containsOnlyDigits();
            seen.add(new BigInteger(seq));
        }
        assertThat(seen).isSorted().doesNotHaveDuplicates();

        JsonNode read = k.getRecords(k.iterator("ordered", "shardId-000000000000", "TRIM_HORIZON"));
        assertThat(KinesisCaller.texts(read.path("Records"))).containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(read.path("Records")).extracting(r -> new BigInteger(r.path("SequenceNumber").asText()))
                .containsExactlyElementsOf(seen);
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void everyIteratorTypeStartsWhereAwsSays(WireFormat format) {
        KinesisCaller k = activeStream(format, "iters", 1);
        String shard = "shardId-000000000000";
        List<String> seqs = new ArrayList<>();
        Instant third = null;
        for (int i = 0; i < 5; i++) {
            clock.advanceMillis(10);
            if (i == 2) {
                third = clock.instant();
            }
            seqs.add(k.putRecord("iters", "k", utf8("r" + i)).path("SequenceNumber").asText());
        }
        String latest = k.iterator("iters", shard, "LATEST");
        k.putRecord("iters", "k", utf8("after-latest"));

        assertThat(KinesisCaller.texts(k.getRecords(latest).path("Records"))).containsExactly("after-latest");
        assertThat(texts(k, Map.of("StreamName", "iters", "ShardId", shard,
                "ShardIteratorType", "AT_SEQUENCE_NUMBER", "StartingSequenceNumber", seqs.get(1))))
                .startsWith("r1", "r2");
        assertThat(texts(k, Map.of("StreamName", "iters", "ShardId", shard,
                "ShardIteratorType", "AFTER_SEQUENCE_NUMBER", "StartingSequenceNumber", seqs.get(1))))
                .startsWith("r2", "r3");
        assertThat(texts(k, Map.of("StreamName", "iters", "ShardId", shard,
                "ShardIteratorType", "AT_TIMESTAMP", "Timestamp", third)))
                .containsExactly("r2", "r3", "r4", "after-latest");
        assertThat(texts(k, Map.of("StreamName", "iters", "ShardId", shard, "ShardIteratorType", "TRIM_HORIZON")))
                .hasSize(6).startsWith("r0");
    }

    private static List<String> texts(KinesisCaller k, Map<String, ?> getShardIterator) {
        String it = k.call("GetShardIterator", getShardIterator).path("ShardIterator").asText();
        return KinesisCaller.texts(k.getRecords(it).path("Records"));
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void getRecordsHonoursLimitAndHandsOnANextIteratorWithLagReported(WireFormat format) {
        KinesisCaller k = activeStream(format, "paged", 1);
        for (int i = 0; i < 5; i++) {
            k.putRecord("paged", "k", utf8("r" + i));
        }
        clock.advance(Duration.ofSeconds(3));
        String it = k.iterator("paged", "shardId-000000000000", "TRIM_HORIZON");

        JsonNode first = k.call("GetRecords", Map.of("ShardIterator", it, "Limit", 2));
        assertThat(KinesisCaller.texts(first.path("Records"))).containsExactly("r0", "r1");
        assertThat(first.path("MillisBehindLatest").asLong()).isEqualTo(3000);

        JsonNode rest = k.getRecords(first.path("NextShardIterator").asText());
        assertThat(KinesisCaller.texts(rest.path("Records"))).containsExactly("r2", "r3", "r4");
        assertThat(rest.path("MillisBehindLatest").asLong()).isZero();

        JsonNode empty = k.getRecords(rest.path("NextShardIterator").asText());
        assertThat(empty.path("Records")).isEmpty();
        assertThat(empty.path("NextShardIterator").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void anIteratorExpiresFiveMinutesAfterItWasIssued(WireFormat format) {
        KinesisCaller k = activeStream(format, "aging", 1);
        String it = k.iterator("aging", "shardId-000000000000", "TRIM_HORIZON");
        clock.advance(Duration.ofMinutes(5));
        String fresh = k.getRecords(it).path("NextShardIterator").asText();
        clock.advanceMillis(1);

        AwsException e = error(() -> k.getRecords(it));

        assertThat(e.code()).isEqualTo("ExpiredIteratorException");
        assertThat(e.getMessage()).isEqualTo("Iterator expired. The iterator was created at time Fri Nov 27 10:00:01 "
                + "UTC 2026 while right now it is Fri Nov 27 10:05:01 UTC 2026 which is further in the future than "
                + "the tolerated delay of 300000 milliseconds.");
        assertThat(k.getRecords(fresh).path("Records")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void aForgedOrGarbledIteratorIsInvalid(WireFormat format) {
        KinesisCaller k = activeStream(format, "forged", 1);
        String it = k.iterator("forged", "shardId-000000000000", "TRIM_HORIZON");
        char last = it.charAt(it.length() - 3);
        String edited = it.substring(0, it.length() - 3) + (last == 'A' ? 'B' : 'A') + it.substring(it.length() - 2);

        for (String bad : List.of("not an iterator!", "AAAA", edited)) {
            AwsException e = error(() -> k.getRecords(bad));
            assertThat(e.code()).as(bad).isEqualTo("InvalidArgumentException");
            assertThat(e.getMessage()).isEqualTo("Invalid ShardIterator.");
        }
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void iteratorRequestsThatDoNotFitTheirShardAreRefused(WireFormat format) {
        KinesisCaller k = activeStream(format, "strict", 2);
        String seqOnShard0 = k.call("PutRecord", Map.of("StreamName", "strict", "PartitionKey", "k",
                "ExplicitHashKey", "0", "Data", utf8("x"))).path("SequenceNumber").asText();

        AwsException wrongShard = error(() -> k.call("GetShardIterator", Map.of("StreamName", "strict",
                "ShardId", "shardId-000000000001", "ShardIteratorType", "AT_SEQUENCE_NUMBER",
                "StartingSequenceNumber", seqOnShard0)));
        assertThat(wrongShard.code()).isEqualTo("InvalidArgumentException");
        assertThat(wrongShard.getMessage()).isEqualTo("Invalid StartingSequenceNumber. It encodes shardId-000000000000, "
                + "while it was used in a call to a shard with shardId-000000000001");

        AwsException noShard = error(() -> k.iterator("strict", "shardId-000000000009", "LATEST"));
        assertThat(noShard.code()).isEqualTo("ResourceNotFoundException");
        assertThat(noShard.getMessage()).isEqualTo(
                "Shard shardId-000000000009 in stream strict under account 000000000000 does not exist");

        AwsException garbage = error(() -> k.call("GetShardIterator", Map.of("StreamName", "strict",
                "ShardId", "shardId-000000000000", "ShardIteratorType", "AT_SEQUENCE_NUMBER",
                "StartingSequenceNumber", "12345")));
        assertThat(garbage.getMessage()).isEqualTo("StartingSequenceNumber 12345 used in GetShardIterator on shard "
                + "shardId-000000000000 in stream strict under account 000000000000 is invalid.");

        AwsException missingSeq = error(() -> k.iterator("strict", "shardId-000000000000", "AT_SEQUENCE_NUMBER"));
        assertThat(missingSeq.getMessage()).endsWith("Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber.");
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"JSON", "CBOR"})
    void aRecordOverOneMebibyteFailsValidation(WireFormat format) {
        KinesisCaller k = activeStream(format, "big", 1);
        byte[] tooBig = new byte[RecordOperations.MAX_RECORD_BYTES + 1];

        AwsException single = error(() -> k.putRecord("big", "k", tooBig));
        assertThat(single.code()).isEqualTo("ValidationException");
        assertThat(single.getMessage()).isEqualTo("1 validation error detected: Value at 'data' failed to satisfy "
                + "constraint: Member must have length less than or equal to 1048576");

        AwsException batch = error(() -> k.call("PutRecords", Map.of("StreamName", "big", "Records", List.of(
                Map.of("PartitionKey", "k", "Data", utf8("ok")), Map.of("PartitionKey", "k", "Data", tooBig)))));
        assertThat(batch.getMessage()).isEqualTo("1 validation error detected: Value at 'records.2.member.data' "
                + "failed to satisfy constraint: Member must have length less than or equal to 1048576");

        byte[] exact = new byte[RecordOperations.MAX_RECORD_BYTES];
        assertThat(k.putRecord("big", "k", exact).path("SequenceNumber").asText()).hasSize(56);
    }

    @Test
    void aPartitionKeyLongerThan256CharactersFailsValidation() {
        KinesisCaller k = activeStream(WireFormat.JSON, "keys", 1);

        AwsException e = error(() -> k.putRecord("keys", "k".repeat(257), utf8("x")));

        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).contains("at 'partitionKey' failed to satisfy constraint: "
                + "Member must have length less than or equal to 256");
    }

    @Test
    void jsonBlobsAreBase64AndCborBlobsAreByteStrings() throws Exception {
        KinesisCaller json = activeStream(WireFormat.JSON, "blobs", 1);
        byte[] bytes = {0, (byte) 0xff, 10, 13};
        json.putRecord("blobs", "k", bytes);
        String it = json.iterator("blobs", "shardId-000000000000", "TRIM_HORIZON");

        JsonNode jsonRecord = json.getRecords(it).path("Records").get(0);
        assertThat(jsonRecord.path("Data").isTextual()).isTrue();
        assertThat(jsonRecord.path("Data").asText()).isEqualTo("AP8KDQ==");
        assertThat(jsonRecord.path("ApproximateArrivalTimestamp").decimalValue())
                .isEqualByComparingTo(new java.math.BigDecimal(clock.millis()).movePointLeft(3));

        KinesisCaller cbor = new KinesisCaller(service, WireFormat.CBOR);
        JsonNode cborRecord = cbor.getRecords(cbor.iterator("blobs", "shardId-000000000000", "TRIM_HORIZON"))
                .path("Records").get(0);
        assertThat(cborRecord.path("Data").isBinary()).isTrue();
        assertThat(cborRecord.path("Data").binaryValue()).isEqualTo(bytes);
        assertThat(cborRecord.path("ApproximateArrivalTimestamp").longValue()).isEqualTo(clock.millis());
    }

    @Test
    void recordsPastTheRetentionPeriodAreNoLongerReturned() {
        KinesisCaller k = activeStream(WireFormat.CBOR, "kept", 1);
        k.putRecord("kept", "k", utf8("old"));
        clock.advance(Duration.ofHours(23));
        k.putRecord("kept", "k", utf8("recent"));
        clock.advance(Duration.ofHours(2));

        String it = k.iterator("kept", "shardId-000000000000", "TRIM_HORIZON");

        assertThat(KinesisCaller.texts(k.getRecords(it).path("Records"))).containsExactly("recent");
    }
}
