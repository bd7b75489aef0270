package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.labrunner.emulator.Emulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;

/** Converse answered by a local model server (a fake Ollama on a loopback port). */
class BedrockModelServerSdkTest {
    private static final String NOVA = "amazon.nova-lite-v1:0";

    private HttpServer fake;
    private Emulator emulator;
    private BedrockRuntimeClient runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (fake != null) {
            fake.stop(0);
        }
    }

    /** The emulator as {@code lab emulator --model-server URL} builds it: the built-in Bedrock with its served models. */
    private BedrockRuntimeClient runtimeFor(URI modelServer) {
        emulator = Emulator.builder().port(0).modelServer(modelServer, "tiny").build().start();
        runtime = EmulatorClients.pointedAt(BedrockRuntimeClient.builder(), emulator).build();
        return runtime;
    }

    private static Message hello() {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Say hello.")).build();
    }

    @Test
    void converseReturnsTheModelServersAnswerAndIsServiceUnavailableOnceTheServerStops() throws IOException {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/api/chat", exchange -> {
            byte[] body = ("{\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},\"done_reason\":\"stop\","
                    + "\"prompt_eval_count\":7,\"eval_count\":2}").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        URI url = URI.create("http://127.0.0.1:" + fake.getAddress().getPort());
        BedrockRuntimeClient client = runtimeFor(url);

        ConverseResponse response = client.converse(r -> r.modelId(NOVA).messages(hello()));
        fake.stop(0);
        fake = null;

        assertThat(response.output().message().content().get(0).text()).isEqualTo("Hello!");
        assertThat(response.usage().inputTokens()).isEqualTo(7);
        assertThat(response.usage().outputTokens()).isEqualTo(2);
        var emulatorFields = response.additionalModelResponseFields().asMap().get("emulator").asMap();
        assertThat(emulatorFields.get("responder").asString()).isEqualTo("ollama:tiny");
        assertThat(emulatorFields.get("deterministic").asBoolean()).isFalse();
        assertThatThrownBy(() -> client.converse(r -> r.modelId(NOVA).messages(hello())))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("The model server at " + url + " is not reachable");
    }
}
