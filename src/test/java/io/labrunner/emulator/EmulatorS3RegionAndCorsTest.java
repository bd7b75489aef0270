package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A bucket's region (LocationConstraint) and its CORS rules through the SDK v2, and a browser's view of them. */
class EmulatorS3RegionAndCorsTest {
    private static final String PAGE = "http://localhost:5173";
    private static Emulator emulator;
    private static S3Client s3;
    private static S3Client frankfurt;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        s3 = Clients.s3(emulator);
        frankfurt = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(Clients.credentials(emulator)).forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        s3.close();
        frankfurt.close();
        emulator.close();
    }

    @Test
    void aBucketIsInTheRegionItsLocationConstraintNames() {
        // The SDK v2 fills in the client's region as LocationConstraint when the request names none
        // (boto3 and the AWS CLI do not: S3EverydayByExternalClientsTest sees them refused).
        frankfurt.createBucket(b -> b.bucket("sdk-constraint"));
        assertThat(s3.getBucketLocation(b -> b.bucket("sdk-constraint")).locationConstraintAsString())
                .isEqualTo("eu-central-1");
        assertError(() -> frankfurt.createBucket(b -> b.bucket("other-constraint")
                        .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))),
                400, "IllegalLocationConstraintException", "The eu-west-1 location constraint is incompatible for the "
                        + "region specific endpoint this request was sent to.");
        assertError(() -> s3.createBucket(b -> b.bucket("explicit-us-east-1")
                        .createBucketConfiguration(c -> c.locationConstraint("us-east-1"))),
                400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
        assertError(() -> frankfurt.createBucket(b -> b.bucket("tag-checked")
                        .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)
                                .tags(t -> t.key("aws:reserved").value("x")))),
                400, "InvalidTag", "Your TagKey cannot be prefixed with aws:");
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name())
                .doesNotContain("other-constraint", "explicit-us-east-1", "tag-checked");

        frankfurt.createBucket(b -> b.bucket("in-frankfurt").createBucketConfiguration(c -> c
                .locationConstraint(BucketLocationConstraint.EU_CENTRAL_1).tags(t -> t.key("team").value("ml"))));
        assertThat(s3.getBucketLocation(b -> b.bucket("in-frankfurt")).locationConstraint())
                .isEqualTo(BucketLocationConstraint.EU_CENTRAL_1);
        assertThat(frankfurt.headBucket(b -> b.bucket("in-frankfurt")).bucketRegion()).isEqualTo("eu-central-1");
        assertThat(s3.getBucketTagging(b -> b.bucket("in-frankfurt")).tagSet()).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo("ml"));
        assertThatThrownBy(() -> frankfurt.createBucket(b -> b.bucket("in-frankfurt").createBucketConfiguration(c -> c
                .locationConstraint(BucketLocationConstraint.EU_CENTRAL_1))))
                .isInstanceOf(BucketAlreadyOwnedByYouException.class);

        s3.createBucket(b -> b.bucket("in-virginia"));
        assertThat(s3.getBucketLocation(b -> b.bucket("in-virginia")).locationConstraintAsString()).isEmpty();
        assertThat(s3.headBucket(b -> b.bucket("in-virginia")).bucketRegion()).isEqualTo("us-east-1");
        s3.putObject(b -> b.bucket("in-virginia").key("kept"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        // CreateBucket again in us-east-1 answers 200 and leaves the bucket as it was.
        s3.createBucket(b -> b.bucket("in-virginia"));
        assertThat(s3.listObjectsV2(b -> b.bucket("in-virginia")).keyCount()).isEqualTo(1);
    }

    @Test
    void corsRulesAnswerPreflightsAndLetAPageReadAPresignedUpload() throws Exception {
        s3.createBucket(b -> b.bucket("browser-uploads"));
        assertError(() -> s3.getBucketCors(b -> b.bucket("browser-uploads")), 404, "NoSuchCORSConfiguration",
                "The CORS configuration does not exist");
        assertError(() -> s3.putBucketCors(b -> b.bucket("browser-uploads").corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedMethods("PATCH").allowedOrigins(PAGE).build()))), 400, "InvalidRequest",
                "Found unsupported HTTP method in CORS config. Unsupported method is PATCH");
        s3.putBucketCors(b -> b.bucket("browser-uploads").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                .allowedMethods("PUT").allowedOrigins("http://localhost:*").allowedHeaders("content-*")
                .exposeHeaders("ETag").maxAgeSeconds(120).build())));
        assertThat(s3.getBucketCors(b -> b.bucket("browser-uploads")).corsRules()).singleElement()
                .satisfies(r -> assertThat(r.allowedOrigins()).containsExactly("http://localhost:*"));

        String object = emulator.getEndpoint() + "/browser-uploads/photo.jpg";
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(object))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", PAGE)
                .header("Access-Control-Request-Method", "PUT").header("Access-Control-Request-Headers", "content-type"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("PUT");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).contains("120");

        HttpResponse<String> wrongHeader = send(HttpRequest.newBuilder(URI.create(object))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", PAGE)
                .header("Access-Control-Request-Method", "PUT").header("Access-Control-Request-Headers", "x-other"));
        assertThat(wrongHeader.statusCode()).isEqualTo(403);
        assertThat(wrongHeader.body()).contains("<Code>AccessForbidden</Code>")
                .contains("CORSResponse: This CORS request is not allowed.");

        URI presigned;
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.US_EAST_1).credentialsProvider(Clients.credentials(emulator))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build()).build()) {
            presigned = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket("browser-uploads").key("photo.jpg"))).url().toURI();
        }
        HttpResponse<String> upload = send(HttpRequest.newBuilder(presigned)
                .PUT(HttpRequest.BodyPublishers.ofString("jpeg bytes")).header("Origin", PAGE));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(upload.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(upload.headers().firstValue("Access-Control-Expose-Headers")).contains("ETag");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("browser-uploads").key("photo.jpg")).asUtf8String())
                .isEqualTo("jpeg bytes");

        // A page no rule allows is left to the emulator's own guard, which refuses web pages.
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(presigned)
                .PUT(HttpRequest.BodyPublishers.ofString("other")).header("Origin", "http://elsewhere.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("browser-uploads").key("photo.jpg")).asUtf8String())
                .isEqualTo("jpeg bytes");

        s3.deleteBucketCors(b -> b.bucket("browser-uploads"));
        assertError(() -> s3.getBucketCors(b -> b.bucket("browser-uploads")), 404, "NoSuchCORSConfiguration",
                "The CORS configuration does not exist");
        HttpResponse<String> afterDelete = send(HttpRequest.newBuilder(URI.create(object))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", PAGE)
                .header("Access-Control-Request-Method", "PUT"));
        assertThat(afterDelete.statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
                                    String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
