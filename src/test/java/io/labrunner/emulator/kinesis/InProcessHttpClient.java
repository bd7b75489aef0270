package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that hands each request straight to a service, so the real SDK's marshalling
 * and error parsing are exercised without a server. JSON errors are rendered as the front door
 * renders an {@link AwsException}.
 */
final class InProcessHttpClient implements SdkHttpClient {
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/");
    private final KinesisService service;
    private volatile String lastContentType;

    InProcessHttpClient(KinesisService service) {
        this.service = service;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return execute(request);
            }

            @Override
            public void abort() {
            }
        };
    }

    private HttpExecuteResponse execute(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        Map<String, String> headers = new HashMap<>();
        http.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        lastContentType = headers.get("content-type");
        byte[] body = request.contentStreamProvider().map(p -> readAll(p.newStream())).orElse(new byte[0]);
        Matcher scope = SCOPE.matcher(headers.getOrDefault("authorization", ""));
        String region = scope.find() ? scope.group(2) : "us-east-1";
        AwsRequest awsRequest = new AwsRequest(http.method().name(), http.encodedPath(), Map.of(), headers, body,
                "kinesis", region, "test");
        AwsResponse response;
        try {
            response = service.handle(awsRequest);
        } catch (AwsException e) {
            String json = "{\"__type\":\"" + e.code() + "\",\"message\":\"" + e.getMessage().replace("\"", "\\\"") + "\"}";
            response = new AwsResponse(e.status(), "application/x-amz-json-1.1", Map.of("x-amzn-ErrorType", e.code()),
                    json.getBytes(StandardCharsets.UTF_8));
        }
        SdkHttpResponse.Builder builder = SdkHttpResponse.builder().statusCode(response.status())
                .putHeader("Content-Type", response.contentType())
                .putHeader("Content-Length", Integer.toString(response.body().length))
                .putHeader("x-amzn-RequestId", "test-request");
        response.headers().forEach((k, v) -> builder.putHeader(k, List.of(v)));
        return HttpExecuteResponse.builder().response(builder.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body()))).build();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Content-Type of the last request the SDK sent. */
    String lastContentType() {
        return lastContentType;
    }

    @Override
    public void close() {
    }
}
