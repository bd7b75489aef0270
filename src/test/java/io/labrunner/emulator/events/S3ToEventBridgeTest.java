package io.labrunner.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 object changes through EventBridge, as a pipeline wires them: a bucket with EventBridge notifications, a rule
 * on the default bus with a prefix on the key, a Kinesis stream as the target; read back from the stream.
 */
class S3ToEventBridgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Emulator emulator;
    private S3Client s3;
    private EventBridgeClient events;
    private KinesisClient kinesis;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        events = EventBridgeClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        kinesis = KinesisClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
    }

    @AfterEach
    void stop() {
        s3.close();
        events.close();
        kinesis.close();
        emulator.close();
    }

    @Test
    void anUploadUnderThePrefixReachesTheStreamAsAnObjectCreatedEventAndOneOutsideItDoesNot() throws Exception {
        s3.createBucket(b -> b.bucket("landing"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("landing")
                .notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("landing")).eventBridgeConfiguration())
                .isNotNull();
        kinesis.createStream(b -> b.streamName("s3-events").shardCount(1));
        kinesis.waiter().waitUntilStreamExists(b -> b.streamName("s3-events"));
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName("s3-events"))
                .streamDescriptionSummary().streamARN();
        events.putRule(b -> b.name("new-data").eventPattern("""
                {"source": ["aws.s3"], "detail-type": ["Object Created"],
                 "detail": {"bucket": {"name": ["landing"]}, "object": {"key": [{"prefix": "incoming/"}]}}}"""));
        var put = events.putTargets(b -> b.rule("new-data").targets(t -> t.id("stream").arn(streamArn)));
        assertThat(put.failedEntryCount()).isZero();

        s3.putObject(b -> b.bucket("landing").key("incoming/2024-05.csv"), RequestBody.fromString("a,b\n1,2\n"));
        s3.putObject(b -> b.bucket("landing").key("other/ignored.csv"), RequestBody.fromString("x"));

        List<JsonNode> received = readStream(streamArn, 1);
        assertThat(received).hasSize(1);
        JsonNode event = received.get(0);
        assertThat(event.path("source").asText()).isEqualTo("aws.s3");
        assertThat(event.path("detail-type").asText()).isEqualTo("Object Created");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        assertThat(event.path("resources").get(0).asText()).isEqualTo("arn:aws:s3:::landing");
        JsonNode detail = event.path("detail");
        assertThat(detail.path("version").asText()).isEqualTo("0");
        assertThat(detail.path("bucket").path("name").asText()).isEqualTo("landing");
        assertThat(detail.path("object").path("key").asText()).isEqualTo("incoming/2024-05.csv");
        assertThat(detail.path("object").path("size").asLong()).isEqualTo(8);
        assertThat(detail.path("object").path("etag").asText()).matches("[0-9a-f]{32}");
        assertThat(detail.path("object").path("sequencer").asText()).matches("[0-9A-F]+");
        assertThat(detail.path("reason").asText()).isEqualTo("PutObject");
        assertThat(detail.path("requester").asText()).isEqualTo("000000000000");
        assertThat(detail.path("source-ip-address").asText()).isEqualTo("127.0.0.1");
        assertThat(detail.path("request-id").asText()).isNotEmpty();
    }

    /** Waits up to five seconds for {@code expected} records, then half a second more for any extra. */
    private List<JsonNode> readStream(String streamArn, int expected) throws Exception {
        String shard = kinesis.listShards(b -> b.streamARN(streamArn)).shards().get(0).shardId();
        String iterator = kinesis.getShardIterator(b -> b.streamARN(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5000;
        long settle = Long.MAX_VALUE;
        while (System.currentTimeMillis() < Math.min(deadline, settle)) {
            String from = iterator;
            var page = kinesis.getRecords(b -> b.shardIterator(from));
            for (var record : page.records()) {
                out.add(JSON.readTree(record.data().asString(StandardCharsets.UTF_8)));
            }
            iterator = page.nextShardIterator();
            if (out.size() >= expected && settle == Long.MAX_VALUE) {
                settle = System.currentTimeMillis() + 500;
            }
            Thread.sleep(50);
        }
        return out;
    }
}
