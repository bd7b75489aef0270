package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.TaggableResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.ConcurrentModificationException;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.ListTagsForDeliveryStreamResponse;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.firehose.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * UpdateDestination, tags and BucketARN checks through the SDK v2 Firehose client, with a clock the test moves
 * and deliveries it triggers, so "the update takes effect for new deliveries" is read back from S3.
 */
class FirehoseUpdateDestinationSdkTest {
    private static final ManualClock CLOCK = new ManualClock();
    private static final String ROLE = "arn:aws:iam::000000000000:role/firehose";
    private static FirehoseService service;
    private static Emulator emulator;
    private static FirehoseClient firehose;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0)
                .service(e -> service = new FirehoseService(FirehoseSettings.manual(CLOCK), e.objectStore(),
                        e.kinesisApi()))
                .build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        Region region = Region.of(emulator.getRegion());
        firehose = FirehoseClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        firehose.close();
        s3.close();
        emulator.close();
    }

    private static String newBucket() {
        String bucket = "fh-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private static DeliveryStreamDescription describe(String name) {
        return firehose.describeDeliveryStream(b -> b.deliveryStreamName(name)).deliveryStreamDescription();
    }

    private static void putAndDeliver(String name, String record) {
        firehose.putRecord(b -> b.deliveryStreamName(name).record(r -> r.data(SdkBytes.fromUtf8String(record))));
        CLOCK.advance(Duration.ofSeconds(61));
        service.deliverDue();
    }

    private static List<String> keys(String bucket) {
        return s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    @Test
    void anUpdateMergesIntoTheDestinationAndNewDeliveriesGoWhereItSays() {
        String before = newBucket();
        String after = newBucket();
        firehose.createDeliveryStream(b -> b.deliveryStreamName("moving").extendedS3DestinationConfiguration(d -> d
                .bucketARN("arn:aws:s3:::" + before).roleARN(ROLE).prefix("before/")
                .bufferingHints(h -> h.intervalInSeconds(60))));
        CLOCK.advance(Duration.ofSeconds(1));
        putAndDeliver("moving", "one");
        assertThat(keys(before)).singleElement().asString().startsWith("before/").contains("moving-1-");

        DeliveryStreamDescription v1 = describe("moving");
        assertThat(v1.versionId()).isEqualTo("1");
        String destinationId = v1.destinations().get(0).destinationId();

        assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("moving")
                .currentDeliveryStreamVersionId("7").destinationId(destinationId)
                .extendedS3DestinationUpdate(u -> u.bucketARN("arn:aws:s3:::" + after))))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(describe("moving").versionId()).isEqualTo("1");

        firehose.updateDestination(b -> b.deliveryStreamName("moving").currentDeliveryStreamVersionId("1")
                .destinationId(destinationId)
                .extendedS3DestinationUpdate(u -> u.bucketARN("arn:aws:s3:::" + after).prefix("after/")));
        DeliveryStreamDescription v2 = describe("moving");
        assertThat(v2.versionId()).isEqualTo("2");
        var extended = v2.destinations().get(0).extendedS3DestinationDescription();
        assertThat(extended.bucketARN()).isEqualTo("arn:aws:s3:::" + after);
        assertThat(extended.prefix()).isEqualTo("after/");
        assertThat(extended.roleARN()).isEqualTo(ROLE);
        assertThat(extended.bufferingHints().intervalInSeconds()).isEqualTo(60);

        putAndDeliver("moving", "two");
        assertThat(keys(before)).hasSize(1);
        assertThat(keys(after)).singleElement().asString().startsWith("after/").contains("moving-2-");

        // A stale version after a successful update is refused the same way.
        assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("moving")
                .currentDeliveryStreamVersionId("1").destinationId(destinationId)
                .s3DestinationUpdate(u -> u.prefix("x/"))))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("moving")
                .currentDeliveryStreamVersionId("2").destinationId("destinationId-000000000009")
                .s3DestinationUpdate(u -> u.prefix("x/"))))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("nope")
                .currentDeliveryStreamVersionId("1").destinationId(destinationId)
                .s3DestinationUpdate(u -> u.prefix("x/"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    /** Off the model's pattern {@code arn:.*:s3:::[\w\.\-]{1,255}}: a model constraint, so ValidationException. */
    @ParameterizedTest
    @ValueSource(strings = {"my-bucket/path", "arn:aws:s3:::my-bucket/path", "arn:aws:s3:::bad*bucket",
            "arn:aws:s3:::my-bucket:extra"})
    void aBucketArnOffTheModelsPatternIsRefusedOnCreateAndOnUpdate(String bucketArn) {
        String name = "bad-" + Math.abs(bucketArn.hashCode());
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName(name)
                .s3DestinationConfiguration(d -> d.bucketARN(bucketArn).roleARN(ROLE))))
                .isInstanceOfSatisfying(FirehoseException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("'s3DestinationConfiguration.bucketARN'")
                            .contains("Member must satisfy regular expression pattern: arn:.*:s3:::[\\w\\.\\-]{1,255}");
                });
        assertThat(firehose.listDeliveryStreams(b -> { }).deliveryStreamNames()).doesNotContain(name);

        String bucket = newBucket();
        firehose.createDeliveryStream(b -> b.deliveryStreamName(name).extendedS3DestinationConfiguration(d -> d
                .bucketARN("arn:aws:s3:::" + bucket).roleARN(ROLE)));
        CLOCK.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName(name)
                .currentDeliveryStreamVersionId("1").destinationId("destinationId-000000000001")
                .extendedS3DestinationUpdate(u -> u.bucketARN(bucketArn))))
                .isInstanceOfSatisfying(FirehoseException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'extendedS3DestinationUpdate.bucketARN'"));
        DeliveryStreamDescription unchanged = describe(name);
        assertThat(unchanged.versionId()).isEqualTo("1");
        assertThat(unchanged.destinations().get(0).extendedS3DestinationDescription().bucketARN())
                .isEqualTo("arn:aws:s3:::" + bucket);
    }

    @Test
    void tagsAreKeptFromCreateChangedAndListedInPages() {
        String bucket = newBucket();
        firehose.createDeliveryStream(b -> b.deliveryStreamName("tagged").tags(Tag.builder().key("team").value("data")
                .build()).s3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::" + bucket).roleARN(ROLE)));
        firehose.tagDeliveryStream(b -> b.deliveryStreamName("tagged").tags(
                Tag.builder().key("stage").value("dev").build(), Tag.builder().key("cost").value("lab").build()));
        firehose.untagDeliveryStream(b -> b.deliveryStreamName("tagged").tagKeys("stage", "absent"));

        ListTagsForDeliveryStreamResponse first = firehose.listTagsForDeliveryStream(b -> b
                .deliveryStreamName("tagged").limit(1));
        assertThat(first.tags()).extracting(Tag::key).containsExactly("cost");
        assertThat(first.hasMoreTags()).isTrue();
        ListTagsForDeliveryStreamResponse rest = firehose.listTagsForDeliveryStream(b -> b
                .deliveryStreamName("tagged").exclusiveStartTagKey("cost"));
        assertThat(rest.tags()).extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple
                .tuple("team", "data"));
        assertThat(rest.hasMoreTags()).isFalse();
        assertThatThrownBy(() -> firehose.listTagsForDeliveryStream(b -> b.deliveryStreamName("untagged-missing")))
                .isInstanceOf(ResourceNotFoundException.class);

        TaggableResources taggable = emulator.taggableResources().stream()
                .filter(t -> t.arnServices().contains("firehose")).findFirst().orElseThrow();
        String arn = "arn:aws:firehose:us-east-1:000000000000:deliverystream/tagged";
        assertThat(taggable.taggedResources("us-east-1"))
                .contains(new TaggableResources.TaggedResource(arn, Map.of("cost", "lab", "team", "data")));
        taggable.tag(arn, Map.of("via", "rgt"));
        taggable.untag(arn, List.of("cost"));
        assertThat(firehose.listTagsForDeliveryStream(b -> b.deliveryStreamName("tagged")).tags())
                .extracting(Tag::key).containsExactly("team", "via");
        assertThatThrownBy(() -> taggable.tag("arn:aws:firehose:us-east-1:000000000000:deliverystream/none",
                Map.of("a", "b"))).hasMessageContaining("Firehose none under account 000000000000 not found.");
    }
}
