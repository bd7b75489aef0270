package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counts and sizes are checked before anything is buffered, and a destination that refuses a write
 * never loses the records: they stay buffered, are retried, and are delivered once the write succeeds.
 */
class FirehoseRequestLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An S3 stand-in that can be told to refuse writes, as the emulator's S3 refuses keys it cannot hold. */
    static final class RefusingStore implements ObjectStore {
        final Map<String, byte[]> objects = new LinkedHashMap<>();
        boolean refusing;

        @Override
        public boolean bucketExists(String bucket) {
            return true;
        }

        @Override
        public void put(String bucket, String key, byte[] body) {
            if (refusing) {
                throw new IllegalArgumentException("refused " + key);
            }
            objects.put(key, body);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final RefusingStore store = new RefusingStore();
    private final FirehoseService service = new FirehoseService(FirehoseSettings.manual(clock), store, null);

    @AfterEach
    void close() {
        service.close();
    }

    private JsonNode call(String operation, String json) {
        AwsResponse response = service.handle(new AwsRequest("POST", "/", Map.of(),
                Map.of("x-amz-target", "Firehose_20150804." + operation, "content-type", "application/x-amz-json-1.1"),
                json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "firehose", "us-east-1", "test"));
        JsonNode body;
        try {
            body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.status() != 200) {
            // The protocol core answers errors as responses; raised again here so each test names the error.
            assertThat(response.headers()).containsEntry("x-amzn-ErrorType", body.path("__type").asText());
            throw new AwsException(body.path("__type").asText(), body.has("message") ? body.path("message").asText()
                    : body.path("Message").asText(null), response.status());
        }
        return body;
    }

    private static AwsException error(Runnable call) {
        try {
            call.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    private void create(String name, String destinationExtras) {
        call("CreateDeliveryStream", "{'DeliveryStreamName':'" + name + "','ExtendedS3DestinationConfiguration':{"
                + "'RoleARN':'arn:aws:iam::000000000000:role/f','BucketARN':'arn:aws:s3:::lake'" + destinationExtras + "}}");
        clock.advance(Duration.ofSeconds(1));
    }

    private int streamCount() {
        return call("ListDeliveryStreams", "{}").path("DeliveryStreamNames").size();
    }

    private static String records(int count, int bytes) {
        String data = Base64.getEncoder().encodeToString(new byte[bytes]);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add("{'Data':'" + data + "'}");
        }
        return "[" + String.join(",", records) + "]";
    }

    @ParameterizedTest
    @ValueSource(strings = {"'SizeInMBs':0", "'SizeInMBs':129", "'IntervalInSeconds':-1", "'IntervalInSeconds':901"})
    void bufferingHintsOutsideTheModelsRangeAreRefusedAndNoStreamIsCreated(String hint) {
        AwsException e = error(() -> create("hints", ",'BufferingHints':{" + hint + "}"));

        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).startsWith("1 validation error detected: Value '")
                .contains("' at 'extendedS3DestinationConfiguration.bufferingHints.");
        assertThat(streamCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "2147483648", "-2147483649", "'5'", "true", "[5]"})
    void aBufferingHintNoIntegerHoldsIsASerializationError(String value) {
        AwsException e = error(() -> create("hints", ",'BufferingHints':{'SizeInMBs':" + value + "}"));

        assertThat(e.code()).isEqualTo("SerializationException");
        assertThat(e.getMessage()).doesNotContain("java.");
        assertThat(streamCount()).isZero();
    }

    @Test
    void aPrefixLongerThan1024CharactersIsRefused() {
        AwsException e = error(() -> create("long", ",'Prefix':'" + "p".repeat(1025) + "'"));

        assertThat(e.code()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value '" + "p".repeat(1025) + "' at "
                + "'extendedS3DestinationConfiguration.prefix' failed to satisfy constraint: Member must have length "
                + "less than or equal to 1024");
        assertThat(streamCount()).isZero();
    }

    @Test
    void aListLimitNoIntegerHoldsIsASerializationError() {
        assertThat(error(() -> call("ListDeliveryStreams", "{'Limit':1e400}")).code())
                .isEqualTo("SerializationException");
        assertThat(error(() -> call("ListDeliveryStreams", "{'Limit':0}")).code()).isEqualTo("ValidationException");
    }

    @Test
    void aBatchOf501RecordsOrOver4MibIsRefusedAndBuffersNothing() {
        create("batch", ",'BufferingHints':{'IntervalInSeconds':0}");

        AwsException tooMany = error(() -> call("PutRecordBatch", "{'DeliveryStreamName':'batch','Records':"
                + records(501, 1) + "}"));
        AwsException tooBig = error(() -> call("PutRecordBatch", "{'DeliveryStreamName':'batch','Records':"
                + records(5, 1_000_000) + "}"));

        assertThat(tooMany.code()).isEqualTo("ValidationException");
        assertThat(tooMany.getMessage()).contains("'records'").contains("less than or equal to 500");
        assertThat(tooBig.code()).isEqualTo("InvalidArgumentException");
        service.deliverDue();
        assertThat(store.objects).isEmpty();
    }

    @Test
    void aPrefixClimbingOutOfTheBucketIsAcceptedAndARefusedWriteKeepsTheRecordsUntilItSucceeds() {
        create("escape", ",'Prefix':'../../../../x/','BufferingHints':{'IntervalInSeconds':0}");
        store.refusing = true;

        JsonNode answer = call("PutRecordBatch", "{'DeliveryStreamName':'escape','Records':["
                + "{'Data':'" + Base64.getEncoder().encodeToString("kept\n".getBytes()) + "'}]}");
        service.deliverDue();
        service.deliverDue();

        assertThat(answer.path("FailedPutCount").asInt()).isZero();
        assertThat(store.objects).isEmpty();
        assertThat(service.deliveredKeys("us-east-1", "escape")).isEmpty();

        store.refusing = false;
        service.deliverDue();

        assertThat(store.objects).hasSize(1);
        String key = store.objects.keySet().iterator().next();
        assertThat(key).startsWith("../../../../x/");
        assertThat(new String(store.objects.get(key), StandardCharsets.UTF_8)).isEqualTo("kept\n");
    }

    @Test
    void aFullBacklogFailsEachFurtherRecordForTheCallerToRetryInsteadOfGrowingWithoutBound() {
        create("backlog", ",'BufferingHints':{'SizeInMBs':1,'IntervalInSeconds':900}");
        store.refusing = true;

        int failed = 0;
        for (int i = 0; i < 4; i++) {
            failed += call("PutRecordBatch", "{'DeliveryStreamName':'backlog','Records':" + records(3, 200_000) + "}")
                    .path("FailedPutCount").asInt();
        }

        assertThat(failed).isPositive();
        JsonNode last = call("PutRecordBatch", "{'DeliveryStreamName':'backlog','Records':" + records(1, 200_000) + "}");
        assertThat(last.path("RequestResponses").get(0).path("ErrorCode").asText())
                .isEqualTo("ServiceUnavailableException");
        AwsException single = error(() -> call("PutRecord", "{'DeliveryStreamName':'backlog','Record':{'Data':'"
                + Base64.getEncoder().encodeToString(new byte[200_000]) + "'}}"));
        assertThat(single.code()).isEqualTo("ServiceUnavailableException");

        store.refusing = false;
        clock.advance(Duration.ofSeconds(900));
        service.deliverDue();
        long delivered = store.objects.values().stream().mapToLong(b -> b.length).sum();
        assertThat(delivered).isEqualTo((12L - failed) * 200_000);
    }
}
