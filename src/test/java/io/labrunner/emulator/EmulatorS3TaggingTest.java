package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** Object and bucket tags through the SDK v2, and buckets in the Resource Groups Tagging seam. */
class EmulatorS3TaggingTest {
    private static Emulator emulator;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        s3 = Clients.s3(emulator);
        s3.createBucket(b -> b.bucket("tagged"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        emulator.close();
    }

    @Test
    void everyWriteSetsItsObjectsTagsAndReadsCountThem() {
        s3.putObject(b -> b.bucket("tagged").key("put.csv").tagging("stage=raw&pii=no"), RequestBody.fromString("a"));
        assertThat(tags("put.csv")).containsExactly(Map.entry("stage", "raw"), Map.entry("pii", "no"));
        assertThat(s3.headObject(b -> b.bucket("tagged").key("put.csv")).tagCount()).isEqualTo(2);
        assertThat(s3.getObject(b -> b.bucket("tagged").key("put.csv")).response().tagCount()).isEqualTo(2);

        s3.copyObject(b -> b.sourceBucket("tagged").sourceKey("put.csv").destinationBucket("tagged").destinationKey("copied"));
        assertThat(tags("copied")).isEqualTo(tags("put.csv"));
        s3.copyObject(b -> b.sourceBucket("tagged").sourceKey("put.csv").destinationBucket("tagged")
                .destinationKey("replaced").taggingDirective(TaggingDirective.REPLACE).tagging("stage=clean"));
        assertThat(tags("replaced")).containsExactly(Map.entry("stage", "clean"));

        String upload = s3.createMultipartUpload(b -> b.bucket("tagged").key("parts").tagging("multi=yes")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket("tagged").key("parts").uploadId(upload).partNumber(1),
                RequestBody.fromString("part")).eTag();
        s3.completeMultipartUpload(b -> b.bucket("tagged").key("parts").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        assertThat(tags("parts")).containsExactly(Map.entry("multi", "yes"));

        s3.putObject(b -> b.bucket("tagged").key("put.csv"), RequestBody.fromString("overwritten"));
        assertThat(tags("put.csv")).isEmpty();
        assertThat(s3.headObject(b -> b.bucket("tagged").key("put.csv")).tagCount()).isNull();
    }

    @Test
    void aPresignedUploadSetsItsTagsAndOneWithoutTagsClearsThem() throws Exception {
        s3.putObject(b -> b.bucket("tagged").key("presigned").tagging("old=1"), RequestBody.fromString("old"));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try (software.amazon.awssdk.services.s3.presigner.S3Presigner presigner =
                     software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
                             .endpointOverride(emulator.getEndpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                             .credentialsProvider(Clients.credentials(emulator))
                             .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                                     .pathStyleAccessEnabled(true).build()).build()) {
            for (String tagging : java.util.Arrays.asList("new=2", null)) {
                var presigned = presigner.presignPutObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                        .putObjectRequest(r -> r.bucket("tagged").key("presigned").tagging(tagging)));
                var request = java.net.http.HttpRequest.newBuilder(presigned.url().toURI())
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("body"));
                presigned.signedHeaders().forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("host")) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(tags("presigned")).isEqualTo(tagging == null ? Map.of() : Map.of("new", "2"));
            }
        }
    }

    @Test
    void putObjectTaggingReplacesTheSetAndDeleteRemovesIt() {
        s3.putObject(b -> b.bucket("tagged").key("retagged"), RequestBody.fromString("a"));
        s3.putObjectTagging(b -> b.bucket("tagged").key("retagged").tagging(t -> t.tagSet(tag("a", "1"), tag("b", ""))));
        assertThat(tags("retagged")).containsExactly(Map.entry("a", "1"), Map.entry("b", ""));
        s3.deleteObjectTagging(b -> b.bucket("tagged").key("retagged"));
        assertThat(tags("retagged")).isEmpty();
        assertThatThrownBy(() -> s3.getObjectTagging(b -> b.bucket("tagged").key("missing")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void tagsOutsideS3sLimitsAreRefusedAndNothingIsWritten() {
        List<Tag> eleven = IntStream.range(0, 11).mapToObj(i -> tag("k" + i, "v")).toList();
        s3.putObject(b -> b.bucket("tagged").key("limits"), RequestBody.fromString("a"));
        assertError(() -> s3.putObjectTagging(b -> b.bucket("tagged").key("limits").tagging(t -> t.tagSet(eleven))),
                "BadRequest", "Object tags cannot be greater than 10");
        assertError(() -> s3.putObjectTagging(b -> b.bucket("tagged").key("limits")
                .tagging(t -> t.tagSet(tag("k".repeat(129), "v")))), "InvalidTag",
                "The TagKey you have provided is too long, max 128");
        assertError(() -> s3.putObjectTagging(b -> b.bucket("tagged").key("limits")
                .tagging(t -> t.tagSet(tag("k", "v".repeat(257))))), "InvalidTag",
                "The TagValue you have provided is too long, max 256");
        assertError(() -> s3.putObjectTagging(b -> b.bucket("tagged").key("limits")
                .tagging(t -> t.tagSet(tag("k", "1"), tag("k", "2")))), "InvalidTag",
                "Cannot provide multiple Tags with the same key");
        assertError(() -> s3.putObjectTagging(b -> b.bucket("tagged").key("limits")
                .tagging(t -> t.tagSet(tag("aws:k", "1")))), "InvalidTag", "Your TagKey cannot be prefixed with aws:");

        String header = IntStream.range(0, 11).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining("&"));
        assertError(() -> s3.putObject(b -> b.bucket("tagged").key("never-written").tagging(header),
                RequestBody.fromString("a")), "BadRequest", "Object tags cannot be greater than 10");
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("tagged").key("never-written")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(tags("limits")).isEmpty();
    }

    @Test
    void eachVersionKeepsItsOwnTags() {
        s3.createBucket(b -> b.bucket("tagged-versions"));
        s3.putBucketVersioning(b -> b.bucket("tagged-versions")
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String first = s3.putObject(b -> b.bucket("tagged-versions").key("k").tagging("v=1"),
                RequestBody.fromString("1")).versionId();
        s3.putObject(b -> b.bucket("tagged-versions").key("k").tagging("v=2"), RequestBody.fromString("2"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tagged-versions").key("k").versionId(first)).tagSet())
                .containsExactly(tag("v", "1"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tagged-versions").key("k")).tagSet())
                .containsExactly(tag("v", "2"));
        assertThat(s3.putObjectTagging(b -> b.bucket("tagged-versions").key("k").versionId(first)
                .tagging(t -> t.tagSet(tag("v", "one")))).versionId()).isEqualTo(first);
        assertThat(s3.headObject(b -> b.bucket("tagged-versions").key("k").versionId(first)).tagCount()).isEqualTo(1);
        assertThat(s3.getObjectTagging(b -> b.bucket("tagged-versions").key("k").versionId(first)).tagSet())
                .containsExactly(tag("v", "one"));
    }

    @Test
    void bucketTagsAreOneTruthForS3AndTheTaggingSeam() {
        s3.createBucket(b -> b.bucket("tagged-bucket"));
        assertError(() -> s3.getBucketTagging(b -> b.bucket("tagged-bucket")), "NoSuchTagSet",
                "The TagSet does not exist");
        s3.putBucketTagging(b -> b.bucket("tagged-bucket").tagging(t -> t.tagSet(tag("lab:run-id", "r1"))));

        TaggableResources buckets = emulator.taggableResources().stream()
                .filter(t -> t.arnServices().contains("s3")).findFirst().orElseThrow();
        assertThat(buckets.taggedResources("us-east-1")).contains(new TaggableResources.TaggedResource(
                "arn:aws:s3:::tagged-bucket", Map.of("lab:run-id", "r1")));
        buckets.tag("arn:aws:s3:::tagged-bucket", Map.of("lab:lab", "s3"));
        buckets.untag("arn:aws:s3:::tagged-bucket", List.of("lab:run-id"));
        assertThat(s3.getBucketTagging(b -> b.bucket("tagged-bucket")).tagSet()).containsExactly(tag("lab:lab", "s3"));
        assertThatThrownBy(() -> buckets.tag("arn:aws:s3:::no-such-bucket", Map.of("a", "b")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("NoSuchBucket"));
        assertThatThrownBy(() -> buckets.tag("arn:aws:s3:::tagged-bucket", Map.of("aws:x", "b")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidTag"));

        List<Tag> fiftyOne = IntStream.range(0, 51).mapToObj(i -> tag("k" + i, "v")).toList();
        assertError(() -> s3.putBucketTagging(b -> b.bucket("tagged-bucket").tagging(t -> t.tagSet(fiftyOne))),
                "InvalidTag", "Bucket tag count cannot be greater than 50");
        s3.putBucketTagging(b -> b.bucket("tagged-bucket").tagging(t -> t.tagSet(fiftyOne.subList(0, 50))));
        assertThat(s3.getBucketTagging(b -> b.bucket("tagged-bucket")).tagSet()).hasSize(50);
        s3.deleteBucketTagging(b -> b.bucket("tagged-bucket"));
        assertError(() -> s3.getBucketTagging(b -> b.bucket("tagged-bucket")), "NoSuchTagSet",
                "The TagSet does not exist");
    }

    @Test
    void tagsSurviveARestart(@TempDir Path data) {
        try (Emulator first = Emulator.builder().port(0).dataDir(data).build().start(); S3Client c = Clients.s3(first)) {
            c.createBucket(b -> b.bucket("kept-tags"));
            c.putBucketTagging(b -> b.bucket("kept-tags").tagging(t -> t.tagSet(tag("team", "ml"))));
            c.putObject(b -> b.bucket("kept-tags").key("k").tagging("a=b"), RequestBody.fromString("x"));
        }
        try (Emulator second = Emulator.builder().port(0).dataDir(data).build().start(); S3Client c = Clients.s3(second)) {
            assertThat(c.getBucketTagging(b -> b.bucket("kept-tags")).tagSet()).containsExactly(tag("team", "ml"));
            assertThat(c.getObjectTagging(b -> b.bucket("kept-tags").key("k")).tagSet()).containsExactly(tag("a", "b"));
        }
    }

    private static Map<String, String> tags(String key) {
        return s3.getObjectTagging(b -> b.bucket("tagged").key(key)).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code,
                                    String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
