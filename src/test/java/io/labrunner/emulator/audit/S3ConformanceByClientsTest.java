package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Where S3Proxy answers otherwise than S3, as the SDK v2 and boto3 see it: RFC 7232 precedence of conditional
 * headers (GetObject, HeadObject, CopyObject), an unknown canned ACL, ListBuckets' BucketRegion and BucketArn,
 * Content-Encoding on several header lines.
 */
class S3ConformanceByClientsTest {
    private static final Instant PAST = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void theSdkMeetsS3sPreconditionPrecedenceAclCheckAndBucketListing() {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
                S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test",
                                "test"))).forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket("sdk-conformance"));
            String etag = s3.putObject(o -> o.bucket("sdk-conformance").key("k"), RequestBody.fromString("hi")).eTag();
            assertThat(s3.getObjectAsBytes(o -> o.bucket("sdk-conformance").key("k").ifMatch(etag)
                    .ifUnmodifiedSince(PAST)).asUtf8String()).isEqualTo("hi");
            assertThat(s3.headObject(o -> o.bucket("sdk-conformance").key("k").ifMatch(etag).ifUnmodifiedSince(PAST))
                    .contentLength()).isEqualTo(2);
            s3.copyObject(c -> c.sourceBucket("sdk-conformance").sourceKey("k").destinationBucket("sdk-conformance")
                    .destinationKey("copy").copySourceIfMatch(etag).copySourceIfUnmodifiedSince(PAST));
            assertThat(s3.headObject(o -> o.bucket("sdk-conformance").key("copy")).contentLength()).isEqualTo(2);
            assertThatThrownBy(() -> s3.getObject(o -> o.bucket("sdk-conformance").key("k").ifMatch("\"other\"")
                    .ifUnmodifiedSince(Instant.parse("2100-01-01T00:00:00Z"))))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
            assertThatThrownBy(() -> s3.getObject(o -> o.bucket("sdk-conformance").key("k").ifNoneMatch(etag)
                    .ifModifiedSince(PAST)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));

            assertThatThrownBy(() -> s3.putObject(o -> o.bucket("sdk-conformance").key("acl").acl("no-such-acl"),
                    RequestBody.fromString("x"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    });
            assertThat(s3.listObjectsV2(l -> l.bucket("sdk-conformance").prefix("acl")).contents()).isEmpty();

            Bucket listed = s3.listBuckets().buckets().stream().filter(b -> b.name().equals("sdk-conformance"))
                    .findFirst().orElseThrow();
            assertThat(listed.bucketArn()).isEqualTo("arn:aws:s3:::sdk-conformance");
            assertThat(listed.bucketRegion()).isEqualTo(emulator.getRegion());
        }
    }

    @Test
    void boto3MeetsTheSameBehaviours(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = home.resolve("s3_conformance_by_boto3.py");
        try (InputStream in = getClass().getResourceAsStream("s3_conformance_by_boto3.py")) {
            Files.copy(in, script);
        }
        JsonNode seen;
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = new ObjectMapper().readTree(ran.stdout());
        }
        assertThat(seen.path("get_if_match_and_unmodified_false").asInt()).isEqualTo(200);
        assertThat(seen.path("head_if_match_and_unmodified_false").asInt()).isEqualTo(200);
        assertThat(seen.path("get_if_match_wrong").toString()).isEqualTo("[412,\"PreconditionFailed\"]");
        assertThat(seen.path("get_if_none_match_true_and_modified_false").asInt()).isEqualTo(200);
        assertThat(seen.path("get_if_none_match_false_and_modified_true").get(0).asInt()).isEqualTo(304);
        assertThat(seen.path("copy_if_match_and_unmodified_false").asInt()).isEqualTo(200);
        assertThat(seen.path("copy_if_none_match_false_and_modified_true").toString())
                .isEqualTo("[412,\"PreconditionFailed\"]");
        assertThat(seen.path("invalid_acl").toString()).isEqualTo("[400,\"InvalidArgument\"]");
        assertThat(seen.path("invalid_acl_stored").asBoolean()).isFalse();
        assertThat(seen.path("bucket_arn").asText()).isEqualTo("arn:aws:s3:::boto3-conformance");
        assertThat(seen.path("bucket_region").asText()).isEqualTo("us-east-1");
        assertThat(seen.path("two_line_put").asInt()).isEqualTo(200);
        assertThat(seen.path("content_encoding").asText()).isEqualTo("gzip, br");
    }
}
