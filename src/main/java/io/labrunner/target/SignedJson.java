package io.labrunner.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * One SigV4-signed AWS JSON 1.1 call ({@code X-Amz-Target}), for the few services whose SDK module
 * Lab Runner does not ship: the Resource Groups Tagging API for {@code sweep}, and capability
 * probes of Kinesis and Firehose on an unknown endpoint.
 */
final class SignedJson {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The answer: HTTP status, body and its Content-Type (empty when none). */
    record Response(int status, String body, String contentType) {
        Response(int status, String body) {
            this(status, body, "");
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final Region region;
    private final AwsCredentialsProvider credentials;

    SignedJson(Region region, AwsCredentialsProvider credentials) {
        this.region = region;
        this.credentials = credentials;
    }

    Response call(URI endpoint, String signingName, String target, String body) throws IOException {
        return send(endpoint, signingName, Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", target),
                body);
    }

    /** One signed AWS query-protocol call, e.g. {@code Action=GetCallerIdentity&Version=2011-06-15} to STS. */
    Response query(URI endpoint, String signingName, String form) throws IOException {
        return send(endpoint, signingName, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                form);
    }

    private Response send(URI endpoint, String signingName, Map<String, String> headers, String body) throws IOException {
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.getPath().isEmpty() ? endpoint.resolve("/") : endpoint);
        headers.forEach(builder::putHeader);
        SdkHttpFullRequest request = builder.build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.request().getUri())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("host") && !name.equals("content-length")) { // set by the HTTP client itself
                header.getValue().forEach(value -> http.header(header.getKey(), value));
            }
        }
        try {
            HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
