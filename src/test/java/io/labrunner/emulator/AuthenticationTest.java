package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.StsClient;

/** Signatures made with the emulator's own key are verified; other keys need AWS's structure. */
class AuthenticationTest {
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        try (S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("auth"));
            s3.putObject(b -> b.bucket("auth").key("hello.txt"), RequestBody.fromString("hello"));
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static StaticCredentialsProvider wrongSecret() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(emulator.getAccessKey(), "not-the-secret"));
    }

    @Test
    void anS3RequestSignedWithTheWrongSecretIsSignatureDoesNotMatch() {
        try (S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(wrongSecret()).forcePathStyle(true).build()) {
            assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("auth")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
        }
    }

    @Test
    void aKinesisRequestSignedWithTheWrongSecretIsAnInvalidSignatureException() {
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.US_EAST_1).credentialsProvider(wrongSecret()).build()) {
            assertThatThrownBy(kinesis::listStreams)
                    .isInstanceOfSatisfying(KinesisException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
    }

    @Test
    void anIamRequestSignedWithTheWrongSecretIsSignatureDoesNotMatchInQueryXml() {
        try (IamClient iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(wrongSecret()).build()) {
            assertThatThrownBy(iam::listRoles)
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
        }
    }

    @Test
    void anotherAccessKeyIsAcceptedOnTheStructureOfItsSignature() {
        try (StsClient sts = StsClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("learner", "any")))
                .build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        }
    }

    @Test
    void aKinesisRequestWithoutAuthorizationIsMissingAuthenticationTokenInJson() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(), "application/x-amz-json-1.1", "{}")
                .header("X-Amz-Target", "Kinesis_20131202.ListStreams"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(Json.mapper().readTree(response.body()).path("__type").asText())
                .isEqualTo("MissingAuthenticationTokenException");
        assertThat(response.body()).doesNotContain("<Error>");
    }

    @Test
    void aKinesisRequestWithAnIncompleteSignatureIsIncompleteSignatureExceptionInJson() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(), "application/x-amz-json-1.1", "{}")
                .header("X-Amz-Target", "Kinesis_20131202.ListStreams")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/kinesis/aws4_request"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("IncompleteSignatureException");
        assertThat(Json.mapper().readTree(response.body()).path("message").asText())
                .contains("'Signature'").contains("'SignedHeaders'");
    }

    @Test
    void aSignatureThatIsNotSixtyFourHexDigitsIsIncompleteEvenForAnUnknownKey() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(), "application/x-amz-json-1.1", "{}")
                .header("X-Amz-Target", "Kinesis_20131202.ListStreams")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=someone/20260101/us-east-1/kinesis/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=nothex"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("IncompleteSignatureException");
    }

    @Test
    void anS3RequestWithAMalformedAuthorizationHeaderIsAuthorizationHeaderMalformed() throws Exception {
        HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(emulator.getEndpoint().resolve("/auth"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=date, Signature=0")
                .header("X-Amz-Date", RawHttp.AMZ_DATE).GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>AuthorizationHeaderMalformed</Code>");
    }

    @Test
    void aSigV2S3RequestIsAcceptedOnItsStructure() throws Exception {
        HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(emulator.getEndpoint().resolve("/"))
                .header("Authorization", "AWS learner:c2lnbmF0dXJl").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Name>auth</Name>");
    }

    @Test
    void presignedGetAndPutUrlsFromTheSdkPresignerWork() throws Exception {
        try (S3Presigner presigner = presigner()) {
            URL put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(b -> b.bucket("auth").key("uploaded by url.txt"))).url();
            HttpResponse<String> uploaded = RawHttp.send(HttpRequest.newBuilder(put.toURI())
                    .PUT(HttpRequest.BodyPublishers.ofString("via presigned PUT")));
            assertThat(uploaded.statusCode()).isEqualTo(200);

            URL get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(b -> b.bucket("auth").key("uploaded by url.txt"))).url();
            HttpResponse<String> downloaded = RawHttp.send(HttpRequest.newBuilder(get.toURI()).GET());
            assertThat(downloaded.statusCode()).isEqualTo(200);
            assertThat(downloaded.body()).isEqualTo("via presigned PUT");
        }
    }

    @Test
    void aPresignedUrlPointedAtAnotherKeyIsSignatureDoesNotMatch() throws Exception {
        try (S3Presigner presigner = presigner()) {
            URL get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(b -> b.bucket("auth").key("hello.txt"))).url();
            URI tampered = URI.create(get.toString().replace("hello.txt", "other.txt"));

            HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(tampered).GET());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void anExpiredPresignedUrlIsAccessDenied() throws Exception {
        try (S3Presigner presigner = presigner()) {
            URL get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(1))
                    .getObjectRequest(b -> b.bucket("auth").key("hello.txt"))).url();
            Thread.sleep(2100);

            HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(get.toURI()).GET());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("<Code>AccessDenied</Code>").contains("expired");
        }
    }

    @Test
    void aJsonBodyThatDoesNotMatchItsSignedHashIsRefused() throws Exception {
        String hashOfSomethingElse = SigV4Verifier.sha256Hex("{\"other\":1}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(), "application/x-amz-json-1.1", "{}")
                .header("X-Amz-Target", "Kinesis_20131202.ListStreams")
                .header("x-amz-content-sha256", hashOfSomethingElse)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/kinesis/aws4_request,"
                        + " SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + "0".repeat(64)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
    }

    private static S3Presigner presigner() {
        return S3Presigner.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(Clients.credentials(emulator))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .build();
    }
}
