package io.labrunner.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * SageMaker Runtime's InvokeEndpoint, the call behind {@code aws sagemaker-runtime invoke-endpoint}.
 *
 * <p>The SDK's own {@code SageMakerRuntimeClient} does exactly this: it POSTs the payload to
 * {@code /endpoints/{EndpointName}/invocations} on {@code runtime.sagemaker.<region>.amazonaws.com},
 * signed with Signature Version 4 for the signing name {@code sagemaker}, and reads the prediction from
 * the body and the variant that answered from the {@code X-Amzn-Invoked-Production-Variant} header.
 * This build cannot fetch that module, so the request is built here from the SDK's own HTTP client and
 * signer; the names follow the SDK's so that code moves over unchanged in meaning.
 */
public final class SageMakerRuntime {
    private final Optional<URI> endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;

    SageMakerRuntime(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                     SdkHttpClient http) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.http = http;
    }

    /** What InvokeEndpoint takes: the endpoint, the payload and its type, and optionally the variant to ask. */
    public record InvokeEndpointRequest(String endpointName, String contentType, String accept, SdkBytes body,
                                        String targetVariant) {
        public static InvokeEndpointRequest csv(String endpointName, String rows) {
            return new InvokeEndpointRequest(endpointName, "text/csv", null, SdkBytes.fromUtf8String(rows), null);
        }

        public InvokeEndpointRequest withTargetVariant(String variant) {
            return new InvokeEndpointRequest(endpointName, contentType, accept, body, variant);
        }
    }

    /** What InvokeEndpoint answers: the model's output, its type, and which production variant answered. */
    public record InvokeEndpointResponse(SdkBytes body, String contentType, String invokedProductionVariant) { }

    /** An error SageMaker Runtime answered: its HTTP status, error code ({@code ValidationError}, {@code ModelError}…) and message. */
    public static final class InvokeEndpointException extends RuntimeException {
        private final int statusCode;
        private final String errorCode;

        InvokeEndpointException(int statusCode, String errorCode, String message) {
            super(errorCode + ": " + message);
            this.statusCode = statusCode;
            this.errorCode = errorCode;
        }

        public int statusCode() {
            return statusCode;
        }

        public String errorCode() {
            return errorCode;
        }
    }

    public InvokeEndpointResponse invokeEndpoint(InvokeEndpointRequest request) {
        URI base = endpoint.orElseGet(() -> URI.create("https://runtime.sagemaker." + region.id() + ".amazonaws.com"));
        byte[] payload = request.body().asByteArray();
        SdkHttpRequest.Builder http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(base.resolve("/endpoints/" + pathSegment(request.endpointName()) + "/invocations"))
                .putHeader("Content-Type", request.contentType())
                .putHeader("Content-Length", Integer.toString(payload.length));
        if (request.accept() != null) {
            http.putHeader("Accept", request.accept());
        }
        if (request.targetVariant() != null) {
            http.putHeader("X-Amzn-SageMaker-Target-Variant", request.targetVariant());
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(http.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sagemaker")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = this.http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] body = read(response.responseBody());
            int status = response.httpResponse().statusCode();
            if (status / 100 != 2) {
                throw error(status, response, body);
            }
            return new InvokeEndpointResponse(SdkBytes.fromByteArray(body),
                    response.httpResponse().firstMatchingHeader("Content-Type").orElse(null),
                    response.httpResponse().firstMatchingHeader("X-Amzn-Invoked-Production-Variant").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException("InvokeEndpoint " + request.endpointName() + " could not be sent", e);
        }
    }

    private static InvokeEndpointException error(int status, HttpExecuteResponse response, byte[] body) {
        String type = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse("");
        String code = type.contains(":") ? type.substring(0, type.indexOf(':')) : type;
        String text = new String(body, StandardCharsets.UTF_8);
        String message = text;
        try {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            if (code.isEmpty() && tree.hasNonNull("__type")) {
                code = tree.get("__type").asText().replaceAll(".*#", "");
            }
            if (tree.hasNonNull("message")) {
                message = tree.get("message").asText();
            } else if (tree.hasNonNull("Message")) {
                message = tree.get("Message").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // The body is the message itself.
        }
        return new InvokeEndpointException(status, code.isEmpty() ? "HTTP " + status : code, message);
    }

    private static byte[] read(Optional<? extends InputStream> body) throws IOException {
        if (body.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = body.get()) {
            return in.readAllBytes();
        }
    }

    private static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
