package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import io.labrunner.emulator.Emulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Sweep on a target without the Resource Groups Tagging API: a stand-in answers GetResources as servers that lack it
 * do, and sweep says so in one line, then finds leftovers by name on the emulator.
 */
class SweepFallbackTest {
    private static Emulator emulator;
    private static AwsClients clients;

    private HttpServer server;
    private int status;
    private String contentType;
    private String answer;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.builder().port(0).build().start();
        clients = new AwsClients(Optional.of(emulator.getEndpoint()), Region.of(emulator.getRegion()),
                EndpointTarget.emulatorCredentials());
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
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

    private void answers(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.answer = body;
    }

    private static TaggedResources api(URI endpoint) {
        return TaggedResources.taggingApi(endpoint, Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    private TaggedResources standIn() {
        return api(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @Test
    void anEmulatorThatDoesNotImplementTheServiceDoesNotServeIt() {
        answers(501, "application/x-amz-json-1.1", "{\"__type\":\"NotImplemented\",\"message\":"
                + "\"The embedded emulator does not implement tagging GetResources yet\"}");

        assertThatThrownBy(() -> standIn().find()).isInstanceOf(TaggedResources.NotServed.class)
                .hasMessage("GetResources answered 501 NotImplemented");
    }

    @Test
    void anUnknownOperationDoesNotServeIt() {
        answers(400, "application/x-amz-json-1.1",
                "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":null}");

        assertThatThrownBy(() -> standIn().find()).isInstanceOf(TaggedResources.NotServed.class)
                .hasMessage("GetResources answered 400 UnknownOperationException");
    }

    @Test
    void aPageNotFoundDoesNotServeIt() {
        answers(404, "text/html", "<html><body>Not Found</body></html>");

        assertThatThrownBy(() -> standIn().find()).isInstanceOf(TaggedResources.NotServed.class)
                .hasMessage("GetResources answered 404 without the API's JSON");
    }

    @Test
    void aPortNobodyListensOnDoesNotServeIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        assertThatThrownBy(() -> api(URI.create("http://127.0.0.1:" + port + "/")).find())
                .isInstanceOf(TaggedResources.NotServed.class).hasMessageStartingWith("cannot reach it: ");
    }

    @Test
    void aRefusalByARealTaggingApiIsNoFallback() {
        answers(400, "application/x-amz-json-1.1",
                "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform tag:GetResources\"}");

        assertThatThrownBy(() -> standIn().find()).isInstanceOf(LabException.class)
                .isNotInstanceOf(TaggedResources.NotServed.class).hasMessageContaining("AccessDeniedException");
    }

    @Test
    void sweepSaysInOneLineThatItFindsByNameOnlyAndStillFindsByName() {
        answers(501, "application/x-amz-json-1.1", "{\"__type\":\"NotImplemented\",\"message\":\"no\"}");
        clients.s3().createBucket(b -> b.bucket("lab-w2e3r4-data"));
        try {
            List<String> notices = new ArrayList<>();
            Sweeper sweeper = new Sweeper(clients, Set.of(Capability.S3), standIn(),
                    Clock.fixed(Instant.now().plus(Duration.ofHours(7)), ZoneOffset.UTC));

            List<Sweeper.Leftover> found = sweeper.find(Duration.ofHours(6), notices::add);

            assertThat(notices).containsExactly("Target does not serve the Resource Groups Tagging API"
                    + " (GetResources answered 501 NotImplemented): leftovers are found by name only.");
            assertThat(found).extracting(Sweeper.Leftover::what, Sweeper.Leftover::foundBy)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("S3 bucket lab-w2e3r4-data", "name"));
        } finally {
            clients.s3().deleteBucket(b -> b.bucket("lab-w2e3r4-data"));
        }
    }

    @Test
    void whereTheTaggingApiAnswersSweepSaysNothingAboutIt() {
        answers(200, "application/x-amz-json-1.1", "{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[]}");
        List<String> notices = new ArrayList<>();

        new Sweeper(clients, Set.of(Capability.S3), standIn(), Clock.systemUTC()).find(Duration.ZERO, notices::add);

        assertThat(notices).isEmpty();
    }
}
