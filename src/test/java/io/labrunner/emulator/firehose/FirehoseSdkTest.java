package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ResourceInUseException;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Firehose through the SDK v2 client and the emulator's front door, with a clock the test moves and
 * deliveries the test triggers ({@link FirehoseService#deliverDue()}), so buffering is judged without
 * waiting. Delivered objects are read back through S3.
 */
class FirehoseSdkTest {
    private static final ManualClock CLOCK = new ManualClock();
    private static FirehoseService service;
    private static Emulator emulator;
    private static FirehoseClient firehose;
    private static S3Client s3;
    private static KinesisClient kinesis;
    private String bucket;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0)
                .service(e -> service = new FirehoseService(FirehoseSettings.manual(CLOCK), e.objectStore(), e.kinesisApi()))
                .build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        Region region = Region.of(emulator.getRegion());
        firehose = FirehoseClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        kinesis = KinesisClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
    }

    @AfterAll
    static void stop() {
        firehose.close();
        s3.close();
        kinesis.close();
        emulator.close();
    }

    @BeforeEach
    void newBucket() {
        bucket = "fh-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
    }

    private String createActive(String name, Consumer<ExtendedS3DestinationConfiguration.Builder> destination) {
        firehose.createDeliveryStream(CreateDeliveryStreamRequest.builder()
                .deliveryStreamName(name)
                .deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                .extendedS3DestinationConfiguration(d -> destination.accept(
                        d.bucketARN("arn:aws:s3:::" + bucket).roleARN("arn:aws:iam::000000000000:role/firehose")))
                .build());
        CLOCK.advance(Duration.ofSeconds(1));
        return name;
    }

    private void put(String stream, String... records) {
        PutRecordBatchResponse response = firehose.putRecordBatch(b -> b.deliveryStreamName(stream).records(
                Arrays.stream(records).map(r -> Record.builder().data(SdkBytes.fromUtf8String(r)).build()).toList()));
        assertThat(response.failedPutCount()).isZero();
    }

    private List<S3Object> objects() {
        return s3.listObjectsV2(b -> b.bucket(bucket)).contents();
    }

    private String read(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    @Test
    void aDeliveryStreamIsCreatingThenActiveThenDeletingThenGone() {
        String arn = firehose.createDeliveryStream(b -> b.deliveryStreamName("life")
                .s3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::" + bucket).roleARN("arn:aws:iam::000000000000:role/r")))
                .deliveryStreamARN();
        assertThat(arn).isEqualTo("arn:aws:firehose:us-east-1:000000000000:deliverystream/life");
        assertThat(firehose.describeDeliveryStream(b -> b.deliveryStreamName("life")).deliveryStreamDescription()
                .deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.CREATING);
        assertThatThrownBy(() -> firehose.deleteDeliveryStream(b -> b.deliveryStreamName("life")))
                .isInstanceOf(ResourceInUseException.class);

        CLOCK.advance(Duration.ofSeconds(1));
        var description = firehose.describeDeliveryStream(b -> b.deliveryStreamName("life")).deliveryStreamDescription();
        assertThat(description.deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
        assertThat(description.deliveryStreamType()).isEqualTo(DeliveryStreamType.DIRECT_PUT);
        assertThat(description.versionId()).isEqualTo("1");
        var s3Destination = description.destinations().get(0).s3DestinationDescription();
        assertThat(s3Destination.bufferingHints().sizeInMBs()).isEqualTo(5);
        assertThat(s3Destination.bufferingHints().intervalInSeconds()).isEqualTo(300);
        assertThat(s3Destination.compressionFormat()).isEqualTo(CompressionFormat.UNCOMPRESSED);
        assertThat(firehose.listDeliveryStreams(b -> { }).deliveryStreamNames()).contains("life");

        firehose.deleteDeliveryStream(b -> b.deliveryStreamName("life"));
        assertThat(firehose.describeDeliveryStream(b -> b.deliveryStreamName("life")).deliveryStreamDescription()
                .deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.DELETING);
        CLOCK.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> firehose.describeDeliveryStream(b -> b.deliveryStreamName("life")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Firehose life under account 000000000000 not found.");
    }

    @Test
    void creatingAStreamTwiceIsResourceInUse() {
        createActive("twice", d -> { });
        assertThatThrownBy(() -> createActive("twice", d -> { }))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Firehose twice under account 000000000000 already exists.");
    }

    @Test
    void puttingToAMissingStreamIsResourceNotFound() {
        assertThatThrownBy(() -> firehose.putRecord(b -> b.deliveryStreamName("nope")
                .record(r -> r.data(SdkBytes.fromUtf8String("x")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Firehose nope under account 000000000000 not found.");
    }

    @Test
    void aRecordOverOneThousandKibIsAValidationError() {
        createActive("big", d -> { });
        byte[] tooBig = new byte[1_024_001];
        assertThatThrownBy(() -> firehose.putRecord(b -> b.deliveryStreamName("big")
                .record(r -> r.data(SdkBytes.fromByteArray(tooBig)))))
                .isInstanceOf(FirehoseException.class)
                .satisfies(e -> assertThat(((FirehoseException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("Member must have length less than or equal to 1024000");
        firehose.putRecord(b -> b.deliveryStreamName("big").record(r -> r.data(SdkBytes.fromByteArray(new byte[1_024_000]))));
    }

    @Test
    void aPrefixWithExpressionsNeedsAnErrorOutputPrefix() {
        assertThatThrownBy(() -> createActive("noerr", d -> d.prefix("events/!{timestamp:yyyy}/")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ErrorOutputPrefix");
        assertThatThrownBy(() -> createActive("badns", d -> d.prefix("x/!{nope:y}/").errorOutputPrefix("errors/")))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void recordsWaitForTheBufferIntervalThenLandAsOneObjectNamedAsFirehoseNamesIt() {
        String stream = createActive("interval", d -> d.bufferingHints(h -> h.intervalInSeconds(60).sizeInMBs(5)));
        put(stream, "{\"a\":1}\n", "{\"a\":2}\n");
        put(stream, "{\"a\":3}\n");

        CLOCK.advance(Duration.ofSeconds(59));
        service.deliverDue();
        assertThat(objects()).isEmpty();

        CLOCK.advance(Duration.ofSeconds(1));
        service.deliverDue();
        List<S3Object> objects = objects();
        assertThat(objects).hasSize(1);
        String key = objects.get(0).key();
        String hourPrefix = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/").withZone(ZoneOffset.UTC)
                .format(CLOCK.instant().minusSeconds(60));
        assertThat(key).startsWith(hourPrefix + "interval-1-")
                .matches("\\d{4}/\\d{2}/\\d{2}/\\d{2}/interval-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f-]{36}");
        assertThat(read(key)).isEqualTo("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n");
    }

    @Test
    void aFullBufferIsDeliveredAtOnceAndNoObjectExceedsTheSizeHint() {
        String stream = createActive("size", d -> d.bufferingHints(h -> h.intervalInSeconds(900).sizeInMBs(1)));
        String record = "x".repeat(300 * 1024);
        put(stream, record, record, record, record);

        List<S3Object> objects = objects();
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).size()).isEqualTo(3 * 300 * 1024L);

        CLOCK.advance(Duration.ofSeconds(900));
        service.deliverDue();
        assertThat(objects()).extracting(S3Object::size).containsExactlyInAnyOrder(3 * 300 * 1024L, 300 * 1024L);
    }

    @Test
    void timestampExpressionsInThePrefixUseTheOldestRecordsArrival() {
        String stream = createActive("prefixed", d -> d.prefix("events/dt=!{timestamp:yyyy-MM-dd}/")
                .errorOutputPrefix("errors/!{firehose:error-output-type}/").bufferingHints(h -> h.intervalInSeconds(0).sizeInMBs(1)));
        String day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(CLOCK.instant());
        put(stream, "one");
        service.deliverDue();

        assertThat(objects()).singleElement().extracting(S3Object::key).asString()
                .startsWith("events/dt=" + day + "/prefixed-1-");
    }

    @Test
    void aPrefixWithoutExpressionsIsFollowedByTheDefaultTimePrefix() {
        String stream = createActive("plain", d -> d.prefix("raw/").bufferingHints(h -> h.intervalInSeconds(0).sizeInMBs(1)));
        put(stream, "one");
        service.deliverDue();

        assertThat(objects()).singleElement().extracting(S3Object::key).asString()
                .matches("raw/\\d{4}/\\d{2}/\\d{2}/\\d{2}/plain-1-.*");
    }

    @Test
    void gzipObjectsEndInGzAndUnzipToTheRecords() throws IOException {
        String stream = createActive("zipped", d -> d.compressionFormat(CompressionFormat.GZIP)
                .bufferingHints(h -> h.intervalInSeconds(1).sizeInMBs(1)));
        put(stream, "hello ", "world");
        CLOCK.advance(Duration.ofSeconds(1));
        service.deliverDue();

        String key = objects().get(0).key();
        assertThat(key).endsWith(".gz");
        byte[] zipped = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        }
    }

    @Test
    void listDeliveryStreamsPagesInNameOrderAndFiltersByType() {
        createActive("list-b", d -> { });
        createActive("list-a", d -> { });
        createActive("list-c", d -> { });

        var first = firehose.listDeliveryStreams(b -> b.limit(2).exclusiveStartDeliveryStreamName("list-"));
        assertThat(first.deliveryStreamNames()).containsExactly("list-a", "list-b");
        assertThat(first.hasMoreDeliveryStreams()).isTrue();
        var next = firehose.listDeliveryStreams(b -> b.limit(2).exclusiveStartDeliveryStreamName("list-b"));
        assertThat(next.deliveryStreamNames()).startsWith("list-c");
        assertThat(firehose.listDeliveryStreams(b -> b.deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE))
                .deliveryStreamNames()).doesNotContain("list-a", "list-b", "list-c");
    }

    @Test
    void aMissingBucketKeepsRecordsBufferedUntilItExists() {
        String stream = createActive("later", d -> d.bucketARN("arn:aws:s3:::" + bucket + "-later")
                .bufferingHints(h -> h.intervalInSeconds(0).sizeInMBs(1)));
        put(stream, "kept");
        service.deliverDue();
        assertThat(service.deliveredKeys("us-east-1", stream)).isEmpty();

        s3.createBucket(b -> b.bucket(bucket + "-later"));
        service.deliverDue();
        String key = service.deliveredKeys("us-east-1", stream).get(0);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket + "-later").key(key)).asUtf8String()).isEqualTo("kept");
        s3.deleteObject(b -> b.bucket(bucket + "-later").key(key));
        s3.deleteBucket(b -> b.bucket(bucket + "-later"));
    }

    @Test
    void putRecordBatchAnswersEachRecord() {
        String stream = createActive("batch", d -> { });
        PutRecordBatchResponse response = firehose.putRecordBatch(b -> b.deliveryStreamName(stream).records(
                Record.builder().data(SdkBytes.fromUtf8String("a")).build(),
                Record.builder().data(SdkBytes.fromUtf8String("b")).build()));

        assertThat(response.failedPutCount()).isZero();
        assertThat(response.encrypted()).isFalse();
        assertThat(response.requestResponses()).hasSize(2).allSatisfy(r -> {
            assertThat(r.recordId()).isNotBlank();
            assertThat(r.errorCode()).isNull();
        });
    }

    @Test
    void aKinesisSourcedStreamDeliversWhatIsPutIntoTheDataStream() {
        String source = "fh-source-" + bucket;
        kinesis.createStream(b -> b.streamName(source).shardCount(2));
        kinesis.waiter().waitUntilStreamExists(b -> b.streamName(source),
                w -> w.backoffStrategyV2(software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(100))));
        String sourceArn = kinesis.describeStreamSummary(b -> b.streamName(source)).streamDescriptionSummary().streamARN();
        firehose.createDeliveryStream(b -> b.deliveryStreamName("from-kinesis")
                .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
                .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(sourceArn).roleARN("arn:aws:iam::000000000000:role/r"))
                .extendedS3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::" + bucket)
                        .roleARN("arn:aws:iam::000000000000:role/r").bufferingHints(h -> h.intervalInSeconds(1).sizeInMBs(1))));
        CLOCK.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> firehose.putRecord(b -> b.deliveryStreamName("from-kinesis")
                .record(r -> r.data(SdkBytes.fromUtf8String("x")))))
                .isInstanceOf(InvalidArgumentException.class);

        for (int i = 0; i < 10; i++) {
            int n = i;
            kinesis.putRecord(b -> b.streamName(source).partitionKey("k" + n).data(SdkBytes.fromUtf8String(n + ";")));
        }
        service.deliverDue();
        CLOCK.advance(Duration.ofSeconds(1));
        service.deliverDue();

        String body = objects().stream().map(o -> read(o.key())).reduce("", String::concat);
        assertThat(body.split(";")).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void aKinesisSourceThatDoesNotExistIsAnInvalidArgument() {
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName("orphan")
                .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
                .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN("arn:aws:kinesis:us-east-1:000000000000:stream/none")
                        .roleARN("arn:aws:iam::000000000000:role/r"))
                .s3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::" + bucket).roleARN("arn:aws:iam::000000000000:role/r"))))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
