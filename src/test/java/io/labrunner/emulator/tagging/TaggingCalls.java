package io.labrunner.emulator.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Tagging API calls as the SDK would send them (AWS JSON 1.1, SigV4 for service {@code tagging}): the SDK's own
 * module for this API is not among the project's dependencies.
 */
final class TaggingCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Emulator emulator;

    /** One answer: its status and its JSON body. */
    record Answer(int status, JsonNode body) {
        String errorCode() {
            return body.path("__type").asText();
        }
    }

    TaggingCalls(Emulator emulator) {
        this.emulator = emulator;
    }

    Answer call(String operation, String body) throws IOException, InterruptedException {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(emulator.getEndpoint()).method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "ResourceGroupsTaggingAPI_20170126." + operation).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(emulator.getAccessKey(), emulator.getSecretKey()))
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "tagging")
                .putProperty(AwsV4HttpSigner.REGION_NAME, emulator.getRegion()));
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.getEndpoint()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signed.request().headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body().isEmpty() ? "{}" : response.body()));
    }
}
