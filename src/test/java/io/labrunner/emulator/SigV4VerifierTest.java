package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The emulator's canonical request against two independent signers: the AWS SDK for Java's
 * {@code AwsV4HttpSigner} (which always signs {@code x-amz-content-sha256}) and botocore's (the AWS
 * CLI's, which does not for JSON services).
 */
class SigV4VerifierTest {
    private static final Clock SIGNING_TIME = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aJsonPostSignedByTheSdkVerifies() {
        SdkHttpFullRequest request = base(SdkHttpMethod.POST, "/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "Kinesis_20131202.ListStreams").build();

        assertThat(verifies(sdkSign(request, "kinesis", "{}", false), "{}")).isTrue();
    }

    @Test
    void anS3KeyWithSpacesPlusAndUnicodeIsEncodedOnceAsS3Requires() {
        SdkHttpFullRequest request = base(SdkHttpMethod.GET, "/bucket/folder/a%20b%2Bc~%C3%A9.txt")
                .putRawQueryParameter("list-type", "2").putRawQueryParameter("prefix", "x y/z").build();

        assertThat(verifies(sdkSign(request, "s3", "", true), "")).isTrue();
    }

    @Test
    void aBedrockPathWithAnEncodedArnIsEncodedTwiceAsOtherServicesRequire() {
        SdkHttpFullRequest request = base(SdkHttpMethod.GET,
                "/guardrails/arn%3Aaws%3Abedrock%3Aus-east-1%3A000000000000%3Aguardrail%2Fabc").build();

        assertThat(verifies(sdkSign(request, "bedrock", "", false), "")).isTrue();
    }

    @Test
    void aPresignedS3UrlFromTheSdkSignerVerifies() {
        SdkHttpFullRequest request = base(SdkHttpMethod.PUT, "/bucket/key.csv").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("test", "test")).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, SIGNING_TIME)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))).request();

        assertThat(verifies(signed, null)).isTrue();
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotVerify() {
        SdkHttpFullRequest request = base(SdkHttpMethod.POST, "/")
                .putHeader("Content-Type", "application/x-amz-json-1.1").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("test", "not-the-secret")).request(request)
                .payload(() -> new ByteArrayInputStream(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "glue")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, SIGNING_TIME)).request();

        assertThat(verifies(signed, "")).isFalse();
    }

    @Test
    void aJsonRequestSignedByBotocoreWithoutAPayloadHeaderVerifies(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("sign.py");
        Files.writeString(script, String.join("\n",
                "from botocore.auth import SigV4Auth",
                "from botocore.awsrequest import AWSRequest",
                "from botocore.credentials import Credentials",
                "r = AWSRequest(method='POST', url='http://127.0.0.1:4566/?a=b%20c',",
                "    data=b'{\"StreamName\":\"s\"}',",
                "    headers={'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Kinesis_20131202.DescribeStream'})",
                "SigV4Auth(Credentials('test', 'test'), 'kinesis', 'us-east-1').add_auth(r)",
                "for k, v in r.headers.items(): print(k + ': ' + v)",
                ""));
        Process python;
        try {
            python = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("python3 is not installed: " + e.getMessage());
            return;
        }
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(python.exitValue() == 0, "botocore is not importable by python3: " + out);
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("host", List.of("127.0.0.1:4566"));
        for (String line : out.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), List.of(line.substring(colon + 2)));
            }
        }
        assertThat(headers.get("authorization").get(0)).doesNotContain("x-amz-content-sha256");

        assertThat(verifies("POST", "/", "a=b%20c", headers, "{\"StreamName\":\"s\"}")).isTrue();
    }

    private static SdkHttpFullRequest.Builder base(SdkHttpMethod method, String encodedPath) {
        return SdkHttpFullRequest.builder().method(method).protocol("http").host("127.0.0.1").port(4566)
                .encodedPath(encodedPath);
    }

    private static SdkHttpRequest sdkSign(SdkHttpFullRequest request, String service, String body, boolean s3) {
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("test", "test")).request(request)
                .payload(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, SIGNING_TIME)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3)).request();
    }

    /** Whether the emulator accepts the SDK-signed request with this body (null: presigned, no body). */
    private static boolean verifies(SdkHttpRequest signed, String body) {
        Map<String, List<String>> headers = new HashMap<>();
        signed.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        headers.putIfAbsent("host", List.of("127.0.0.1:4566"));
        String rawQuery = signed.encodedQueryParameters().orElse(null);
        return verifies(signed.method().name(), signed.encodedPath(), rawQuery, headers, body);
    }

    private static boolean verifies(String method, String path, String rawQuery, Map<String, List<String>> headers,
            String body) {
        Map<String, List<String>> query = FormCodec.parse(rawQuery);
        String authorization = headers.containsKey("authorization") ? headers.get("authorization").get(0) : null;
        RequestCredentials credentials = RequestCredentials.of(authorization, query, headers.containsKey("x-amz-date"));
        assertThat(credentials.kind()).isEqualTo(RequestCredentials.Kind.SIGV4);
        String payloadHash = credentials.inQuery() ? SigV4Verifier.UNSIGNED_PAYLOAD
                : headers.containsKey("x-amz-content-sha256") ? headers.get("x-amz-content-sha256").get(0)
                : SigV4Verifier.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        String amzDate = credentials.inQuery() ? credentials.sigV4().amzDate() : headers.get("x-amz-date").get(0);
        String expected = SigV4Verifier.signature("test",
                new SigV4Verifier.SignedRequest(method, path, rawQuery, headers, payloadHash),
                credentials.sigV4(), credentials.scope(), amzDate, credentials.inQuery());
        return SigV4Verifier.sameSignature(expected, credentials.sigV4().signature());
    }
}
