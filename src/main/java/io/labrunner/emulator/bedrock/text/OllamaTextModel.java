package io.labrunner.emulator.bedrock.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.text.Generation.StopReason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Text from a local model server that speaks Ollama's chat API: {@code POST {url}/api/chat} with
 * {@code {model, messages, stream:false, options:{temperature, top_p, num_predict, stop}}}, answered by
 * {@code {message:{content}, prompt_eval_count, eval_count, done_reason}}
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion).
 * Failures become the errors Bedrock raises when its model fails: ServiceUnavailableException when
 * the server cannot be reached, ModelTimeoutException when it is too slow, ModelErrorException when
 * it answers with an error.
 */
public final class OllamaTextModel implements TextModel {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

    private final ModelServer server;
    private final URI chat;
    private final HttpClient http;

    public OllamaTextModel(ModelServer server) {
        this.server = server;
        String base = server.url().toString();
        this.chat = URI.create((base.endsWith("/") ? base : base + "/") + "api/chat");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Generation generate(Prompt prompt) {
        HttpResponse<String> response = post(request(prompt));
        if (response.statusCode() != 200) {
            throw new AwsException("ModelErrorException", "The model server at " + server.url() + " answered HTTP "
                    + response.statusCode() + ": " + response.body(), 424);
        }
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AwsException("ModelErrorException",
                    "The model server at " + server.url() + " answered something other than JSON.", 424);
        }
        String text = answer.path("message").path("content").asText("");
        StopReason reason = "length".equals(answer.path("done_reason").asText()) ? StopReason.MAX_TOKENS : StopReason.END_TURN;
        return new Generation(text, answer.path("prompt_eval_count").asInt(0), answer.path("eval_count").asInt(0),
                reason, null);
    }

    @Override
    public String name() {
        return "ollama:" + server.model();
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    private ObjectNode request(Prompt prompt) {
        ObjectNode body = Json.object().put("model", server.model()).put("stream", false);
        ArrayNode messages = body.putArray("messages");
        if (!prompt.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", String.join("\n\n", prompt.system()));
        }
        prompt.turns().forEach(t -> messages.addObject().put("role", t.role().wireName()).put("content", t.text()));
        ObjectNode options = body.putObject("options");
        InferenceSettings settings = prompt.settings();
        options.put("num_predict", settings.maxTokens());
        if (settings.temperature() != null) {
            options.put("temperature", settings.temperature());
        }
        if (settings.topP() != null) {
            options.put("top_p", settings.topP());
        }
        if (!settings.stopSequences().isEmpty()) {
            ArrayNode stop = options.putArray("stop");
            settings.stopSequences().forEach(stop::add);
        }
        return body;
    }

    private HttpResponse<String> post(ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(chat)
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AwsException("ModelTimeoutException",
                    "The model server at " + server.url() + " did not answer within " + ANSWER_TIMEOUT.toMinutes() + " minutes.", 408);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private AwsException unreachable(Exception cause) {
        return new AwsException("ServiceUnavailableException", "The model server at " + server.url()
                + " is not reachable (" + cause.getClass().getSimpleName() + "). Start it (e.g. 'ollama serve' and 'ollama pull "
                + server.model() + "'), or run the emulator without --model-server to use the grounded responder.", 503);
    }
}
