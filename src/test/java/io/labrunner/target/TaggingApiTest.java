package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.labrunner.core.LabException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The Resource Groups Tagging API call, against a local stand-in that answers as AWS documents it. */
class TaggingApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<Map<String, String>> headers = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private int status = 200;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody()));
            headers.add(Map.of("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            byte[] body = answers.remove(0).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private TaggedResources api() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return TaggedResources.taggingApi(endpoint, Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    @Test
    void getResourcesIsSignedFiltersOnTheRunTagAndFollowsPages() {
        answers.add("{\"PaginationToken\":\"page2\",\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:s3:::lab-k3f9x2-data\","
                + "\"Tags\":[{\"Key\":\"lab:run-id\",\"Value\":\"k3f9x2\"},{\"Key\":\"lab:expires-at\",\"Value\":\"2026-11-27T06:00:00Z\"}]}]}");
        answers.add("{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:iam::1:role/lab-k3f9x2-r\","
                + "\"Tags\":[{\"Key\":\"lab:run-id\",\"Value\":\"k3f9x2\"}]}]}");

        List<TaggedResources.Tagged> found = api().find();

        assertThat(found).extracting(TaggedResources.Tagged::arn)
                .containsExactly("arn:aws:s3:::lab-k3f9x2-data", "arn:aws:iam::1:role/lab-k3f9x2-r");
        assertThat(found.get(0).tags()).containsEntry("lab:expires-at", "2026-11-27T06:00:00Z");
        assertThat(requests.get(0).at("/TagFilters/0/Key").asText()).isEqualTo("lab:run-id");
        assertThat(requests.get(1).path("PaginationToken").asText()).isEqualTo("page2");
        assertThat(headers.get(0).get("target")).isEqualTo("ResourceGroupsTaggingAPI_20170126.GetResources");
        assertThat(headers.get(0).get("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/tagging/aws4_request");
    }

    @Test
    void aRefusalIsOneLineWithTheErrorCode() {
        status = 400;
        answers.add("{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform tag:GetResources\"}");

        assertThatThrownBy(() -> api().find())
                .isInstanceOf(LabException.class)
                .hasMessage("The Resource Groups Tagging API refused GetResources: AccessDeniedException"
                        + " not authorized to perform tag:GetResources");
    }
}
