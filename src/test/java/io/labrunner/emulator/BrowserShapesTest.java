package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

/** What a web page could send — directly or through DNS rebinding — is refused, in each protocol's shape. */
class BrowserShapesTest {
    private static final String ALLOWED = "http://localhost:3000";
    private static Emulator emulator;
    private static Emulator withCors;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        withCors = Emulator.builder().port(0).corsOrigin(ALLOWED).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
        withCors.close();
    }

    @Test
    void theTestersCrossSiteAthenaRequestIsRefusedAndRunsNothing() throws Exception {
        String body = "{\"QueryString\":\"COPY (SELECT 'x') TO 'pwned.csv'\",\"ResultConfiguration\":{\"OutputLocation\":\"s3://b/\"}}";
        String response = RawHttp.exchange(emulator.getPort(), "POST /?X-Amz-Credential=x/20260101/us-east-1/athena/aws4_request"
                + "&Action=StartQueryExecution HTTP/1.1\r\nHost: 127.0.0.1:" + emulator.getPort() + "\r\n"
                + "Origin: http://evil.example\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body, 5000);

        assertThat(response).startsWith("HTTP/1.1 403").contains("AccessDeniedException").doesNotContain("QueryExecutionId");
    }

    @Test
    void theSameRequestWithoutOriginIsStillRefusedForItsQueryCredentialsAndTextPlain() throws Exception {
        String response = RawHttp.exchange(emulator.getPort(), "POST /?X-Amz-Credential=x/20260101/us-east-1/athena/aws4_request"
                + "&Action=StartQueryExecution HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}", 5000);

        assertThat(response).startsWith("HTTP/1.1 403").contains("\"__type\":\"AccessDeniedException\"")
                .contains("query string");
    }

    @Test
    void aJsonServicePostedAsTextPlainIsRefusedInJson() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(), "text/plain", "{}")
                .header("X-Amz-Target", "AmazonAthena.ListWorkGroups")
                .header("Authorization", RawHttp.fakeSigV4("athena")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(response.body()).contains("Content-Type");
    }

    @Test
    void aRequestAddressedToAForeignHostIsRefusedEvenWhenSigned() throws Exception {
        String response = RawHttp.exchange(emulator.getPort(), "GET / HTTP/1.1\r\nHost: rebound.evil.example:"
                + emulator.getPort() + "\r\nAuthorization: " + RawHttp.fakeSigV4("s3") + "\r\nX-Amz-Date: "
                + RawHttp.AMZ_DATE + "\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\nConnection: close\r\n\r\n", 5000);

        assertThat(response).startsWith("HTTP/1.1 403").contains("<Code>AccessDenied</Code>")
                .contains("rebound.evil.example").doesNotContain("ListAllMyBucketsResult");
    }

    @Test
    void loopbackNamesWithOrWithoutThePortAreServed() throws Exception {
        for (String host : new String[] {"127.0.0.1", "localhost:" + emulator.getPort(), "[::1]:" + emulator.getPort(),
                "bucket.localhost"}) {
            String response = RawHttp.exchange(emulator.getPort(), "GET / HTTP/1.1\r\nHost: " + host
                    + "\r\nAuthorization: " + RawHttp.fakeSigV4("s3") + "\r\nX-Amz-Date: " + RawHttp.AMZ_DATE
                    + "\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\nConnection: close\r\n\r\n", 5000);

            if (host.equals("bucket.localhost")) {
                // Virtual-hosted style: ListObjects on the bucket "bucket", which does not exist.
                assertThat(response).as(host).startsWith("HTTP/1.1 404").contains("<Code>NoSuchBucket</Code>");
            } else {
                assertThat(response).as(host).startsWith("HTTP/1.1 200").contains("ListAllMyBucketsResult");
            }
        }
    }

    @Test
    void aRequestFromAWebPageIsRefusedInTheServicesProtocol() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(),
                "application/x-www-form-urlencoded", "Action=GetCallerIdentity&Version=2011-06-15")
                .header("Authorization", RawHttp.fakeSigV4("sts")).header("Origin", "https://evil.example"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<ErrorResponse>").contains("<Code>AccessDenied</Code>")
                .contains("--cors");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPreflightIsRefusedWithoutCors() throws Exception {
        String response = RawHttp.exchange(emulator.getPort(), "OPTIONS /bucket/key HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Origin: " + ALLOWED + "\r\nAccess-Control-Request-Method: PUT\r\nConnection: close\r\n\r\n", 5000);

        assertThat(response).startsWith("HTTP/1.1 403").doesNotContainIgnoringCase("Access-Control-Allow-Origin");
    }

    @Test
    void withCorsThePreflightFromTheAllowedOriginIsAnsweredForThatOriginOnly() throws Exception {
        String response = RawHttp.exchange(withCors.getPort(), "OPTIONS /bucket/key HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Origin: " + ALLOWED + "\r\nAccess-Control-Request-Method: PUT\r\n"
                + "Access-Control-Request-Headers: authorization,x-amz-date\r\nConnection: close\r\n\r\n", 5000);

        assertThat(response).startsWith("HTTP/1.1 200")
                .containsIgnoringCase("Access-Control-Allow-Origin: " + ALLOWED)
                .containsIgnoringCase("Access-Control-Allow-Headers: authorization,x-amz-date");

        String other = RawHttp.exchange(withCors.getPort(), "OPTIONS /bucket/key HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Origin: http://localhost:4000\r\nAccess-Control-Request-Method: PUT\r\nConnection: close\r\n\r\n", 5000);
        assertThat(other).startsWith("HTTP/1.1 403");
    }

    @Test
    void withCorsASignedRequestFromTheAllowedOriginIsServedWithAllowHeaders() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(withCors.getEndpoint(),
                "application/x-www-form-urlencoded", "Action=GetCallerIdentity&Version=2011-06-15")
                .header("Authorization", RawHttp.fakeSigV4("sts")).header("Origin", ALLOWED));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    }

    @Test
    void sdkClientsAreUnaffected() {
        try (StsClient sts = Clients.sts(emulator)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        }
    }

    @Test
    void aRefusedRequestWritesNothingToTheDataDirectory() throws Exception {
        long before;
        try (var files = Files.walk(emulator.getDataDir())) {
            before = files.count();
        }
        RawHttp.exchange(emulator.getPort(), "PUT /newbucket HTTP/1.1\r\nHost: evil.example\r\nAuthorization: "
                + RawHttp.fakeSigV4("s3") + "\r\nX-Amz-Date: " + RawHttp.AMZ_DATE
                + "\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 5000);

        try (var files = Files.walk(emulator.getDataDir())) {
            assertThat(files.count()).isEqualTo(before);
        }
        assertThat(Files.exists(emulator.blobRoot().resolve("newbucket"))).isFalse();
        assertThat(Path.of(emulator.getDataDir().toString())).isDirectory();
    }
}
