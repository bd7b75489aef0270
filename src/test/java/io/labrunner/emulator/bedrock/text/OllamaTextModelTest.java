package io.labrunner.emulator.bedrock.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.text.Generation.StopReason;
import io.labrunner.emulator.bedrock.text.Prompt.Turn;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model-server client against a fake Ollama on a loopback port. */
class OllamaTextModelTest {
    private final AtomicReference<JsonNode> received = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String reply = "{\"model\":\"tiny\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello from the server.\"},"
            + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":12,\"eval_count\":5}";

    @BeforeEach
    void startFakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            received.set(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopFakeServer() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static Prompt prompt() {
        return new Prompt(List.of("Be brief."), List.of(new Turn(Turn.Role.USER, "Hi"), new Turn(Turn.Role.ASSISTANT, "Hello"),
                new Turn(Turn.Role.USER, "How are you?")), new InferenceSettings(50, 0.5f, 0.9f, List.of("END")));
    }

    @Test
    void sendsTheConversationAndSettingsToTheChatApiAndReadsTheAnswer() {
        Generation answer = new OllamaTextModel(new ModelServer(url(), "tiny")).generate(prompt());

        JsonNode request = received.get();
        assertThat(path.get()).isEqualTo("/api/chat");
        assertThat(request.path("model").asText()).isEqualTo("tiny");
        assertThat(request.path("stream").asBoolean(true)).isFalse();
        assertThat(request.path("messages")).extracting(m -> m.path("role").asText())
                .containsExactly("system", "user", "assistant", "user");
        assertThat(request.path("messages").path(3).path("content").asText()).isEqualTo("How are you?");
        assertThat(request.path("options").path("num_predict").asInt()).isEqualTo(50);
        assertThat(request.path("options").path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(request.path("options").path("top_p").floatValue()).isEqualTo(0.9f);
        assertThat(request.path("options").path("stop").path(0).asText()).isEqualTo("END");
        assertThat(answer).isEqualTo(new Generation("Hello from the server.", 12, 5, StopReason.END_TURN, null));
    }

    @Test
    void anAnswerCutByLengthStopsAtMaxTokens() {
        reply = "{\"message\":{\"content\":\"Hel\"},\"done_reason\":\"length\",\"prompt_eval_count\":3,\"eval_count\":50}";

        Generation answer = new OllamaTextModel(new ModelServer(url(), "tiny")).generate(prompt());

        assertThat(answer.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    }

    @Test
    void aServerErrorIsAModelError() {
        status = 404;
        reply = "{\"error\":\"model 'tiny' not found\"}";

        assertThatThrownBy(() -> new OllamaTextModel(new ModelServer(url(), "tiny")).generate(prompt()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ModelErrorException");
                    assertThat(e.getMessage()).contains("HTTP 404", "model 'tiny' not found");
                });
    }

    @Test
    void anUnreachableServerIsServiceUnavailableNamingItsUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> new OllamaTextModel(new ModelServer(nowhere, "tiny")).generate(prompt()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ServiceUnavailableException");
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains(nowhere.toString());
                });
    }
}
