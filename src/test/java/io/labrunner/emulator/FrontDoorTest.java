package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** Routing, authentication and error shapes, checked through the SDK's own error parsing and raw HTTP. */
class FrontDoorTest {
    private static Emulator emulator;
    private static Emulator withGlue;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        withGlue = Emulator.builder().port(0).service(new MissingDatabaseGlue(), new RefusingBedrock()).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
        withGlue.close();
    }

    @Test
    void getCallerIdentityAnswersTheRootUserOfTheEmulatedAccount() {
        try (StsClient sts = Clients.sts(emulator)) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();

            assertThat(identity.account()).isEqualTo("000000000000");
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(identity.userId()).isEqualTo("000000000000");
            assertThat(identity.responseMetadata().requestId()).isNotEqualTo("UNKNOWN");
        }
    }

    @Test
    void anStsActionTheEmulatorLacksRaisesStsExceptionAsAnInvalidActionNamingIt() {
        try (StsClient sts = Clients.sts(emulator)) {
            assertThatThrownBy(() -> sts.getAccessKeyInfo(r -> r.accessKeyId("AKIAIOSFODNN7EXAMPLE")))
                    .isInstanceOf(StsException.class)
                    .satisfies(e -> {
                        StsException sts2 = (StsException) e;
                        assertThat(sts2.statusCode()).isEqualTo(400);
                        assertThat(sts2.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                        assertThat(sts2.awsErrorDetails().errorMessage()).contains("STS GetAccessKeyInfo");
                    });
        }
    }

    @Test
    void anUnknownStsActionIsAnInvalidActionInQueryXml() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(),
                "application/x-www-form-urlencoded", "Action=GetEverything&Version=2011-06-15")
                .header("Authorization", RawHttp.fakeSigV4("sts")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>").contains("<Type>Sender</Type>")
                .contains("GetEverything");
    }

    @Test
    void anStsRequestWithoutActionIsAMissingAction() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(),
                "application/x-www-form-urlencoded", "Version=2011-06-15")
                .header("Authorization", RawHttp.fakeSigV4("sts")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MissingAction</Code>");
    }

    @Test
    void aJsonServiceTheEmulatorDoesNotServeAnswersNotImplementedNamingServiceAndOperation() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(),
                "application/x-amz-json-1.0", "{}")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Authorization", RawHttp.fakeSigV4("dynamodb")));

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("NotImplemented");
        assertThat(response.body()).contains("\"__type\"").contains("dynamodb ListTables");
    }

    @Test
    void aQueryServiceTheEmulatorDoesNotServeAnswersNotImplementedXmlNamingServiceAndAction() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(),
                "application/x-www-form-urlencoded; charset=utf-8", "Action=SendMessage&QueueUrl=q&MessageBody=hi")
                .header("Authorization", RawHttp.fakeSigV4("sqs")));

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(response.body()).contains("<ErrorResponse>").contains("<Code>NotImplemented</Code>")
                .contains("sqs SendMessage").contains("<Type>Receiver</Type>");
    }

    @Test
    void aJsonErrorCodeBecomesTheSdksTypedException() {
        try (GlueClient glue = Clients.glue(withGlue)) {
            assertThatThrownBy(() -> glue.getDatabase(b -> b.name("sales")))
                    .isInstanceOf(EntityNotFoundException.class)
                    .hasMessageContaining("Database sales not found");
        }
    }

    @Test
    void aJsonErrorCarriesTheErrorTypeHeaderAndARequestId() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(withGlue.getEndpoint(),
                "application/x-amz-json-1.1", "{\"Name\":\"sales\"}")
                .header("X-Amz-Target", "AWSGlue.GetDatabase")
                .header("Authorization", RawHttp.fakeSigV4("glue")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("EntityNotFoundException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body()).contains("\"__type\":\"EntityNotFoundException\"");
    }

    @Test
    void anS3RequestWithoutCredentialsIsDeniedInS3Xml() throws Exception {
        HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(emulator.getEndpoint().resolve("/")).GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Error>").contains("<Code>AccessDenied</Code>");
    }

    @Test
    void aJsonRequestWithoutCredentialsIsMissingAnAuthenticationTokenInJson() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(withGlue.getEndpoint(),
                "application/x-amz-json-1.1", "{}").header("X-Amz-Target", "AWSGlue.GetDatabases"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(Json.mapper().readTree(response.body()).path("__type").asText())
                .isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void aQueryRequestWithoutCredentialsIsMissingAnAuthenticationToken() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(),
                "application/x-www-form-urlencoded", "Action=GetCallerIdentity&Version=2011-06-15"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>");
    }

    @Test
    void credentialsInTheQueryStringOfAServiceOtherThanS3AreRefusedInItsShape() throws Exception {
        URI presigned = emulator.getEndpoint().resolve("/?Action=GetCallerIdentity&Version=2011-06-15"
                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fsts%2Faws4_request"
                + "&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "0".repeat(64));
        HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(presigned).GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>").contains("query string")
                .doesNotContain("<Account>");
    }

    @Test
    void creatingABucketWithAnUpperCaseNameIsAnInvalidBucketName() throws Exception {
        HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(emulator.getEndpoint().resolve("/Upper-Case"))
                .header("Authorization", RawHttp.fakeSigV4("s3")).header("X-Amz-Date", RawHttp.AMZ_DATE)
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .PUT(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidBucketName</Code>");
    }

    @Test
    void aRestJsonErrorHasTheMessageInTheBodyAndTheCodeInTheHeader() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(
                withGlue.getEndpoint().resolve("/model/no-such-model/converse"), "application/json", "{}")
                .header("Authorization", RawHttp.fakeSigV4("bedrock")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
        assertThat(Json.mapper().readTree(response.body()).path("message").asText()).isEqualTo("Model not found: /model/no-such-model/converse");
    }

    @Test
    void aJsonErrorToACborRequestIsEncodedInCbor() throws Exception {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(withGlue.getEndpoint())
                .header("Content-Type", "application/x-amz-cbor-1.1")
                .header("X-Amz-Target", "AWSGlue.GetDatabase")
                .header("Authorization", RawHttp.fakeSigV4("glue")).header("X-Amz-Date", RawHttp.AMZ_DATE)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-cbor-1.1");
        com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.cbor.CBORFactory()).readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("EntityNotFoundException");
    }

    /** A stand-in Bedrock that knows no models, to check the REST-JSON error shape. */
    private static final class RefusingBedrock implements AwsService {
        @Override
        public String signingName() {
            return "bedrock";
        }

        @Override
        public Protocol protocol() {
            return Protocol.REST_JSON;
        }

        @Override
        public AwsResponse handle(AwsRequest request) {
            throw new AwsException("ResourceNotFoundException", "Model not found: " + request.path(), 404);
        }
    }

    /** A stand-in Glue that knows no databases, to check how JSON errors reach the SDK. */
    private static final class MissingDatabaseGlue implements AwsService {
        @Override
        public String signingName() {
            return "glue";
        }

        @Override
        public Protocol protocol() {
            return Protocol.JSON;
        }

        @Override
        public AwsResponse handle(AwsRequest request) {
            String name = Json.body(request).path("Name").asText();
            throw new AwsException("EntityNotFoundException", "Database " + name + " not found.", 400);
        }
    }
}
