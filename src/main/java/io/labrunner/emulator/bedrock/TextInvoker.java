package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.text.Generation;
import io.labrunner.emulator.bedrock.text.Prompt;
import io.labrunner.emulator.bedrock.text.TextModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The runtime operations of text models: Converse, ConverseStream, InvokeModel and
 * InvokeModelWithResponseStream (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_Operations_Amazon_Bedrock_Runtime.html).
 * Requests are read into one {@link Prompt}, answered by the configured {@link TextModel} (through the
 * request's guardrail, if any), and written back in the operation's shape. Every response says which
 * responder answered: Converse in {@code additionalModelResponseFields.emulator}, all of them in the
 * {@code x-labrunner-responder} header.
 */
final class TextInvoker {
    static final String RESPONDER_HEADER = "x-labrunner-responder";
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final TextModel model;
    private final GuardedGeneration generation;

    TextInvoker(TextModel model, GuardrailGate guardrails) {
        this.model = model;
        this.generation = new GuardedGeneration(model, guardrails);
    }

    AwsResponse handle(String action, FoundationModel foundationModel, AwsRequest request) {
        boolean streaming = action.endsWith("-stream");
        if (streaming && (!foundationModel.streaming() || foundationModel.kind() != FoundationModel.Kind.TEXT)) {
            throw AwsException.validation("The model is unsupported for streaming.");
        }
        if (foundationModel.kind() != FoundationModel.Kind.TEXT) {
            throw AwsException.validation(
                    "This action doesn't support the model that you provided. Try again with a supported text or chat model.");
        }
        long started = System.nanoTime();
        return switch (action) {
            case "converse", "converse-stream" -> converse(foundationModel, Json.body(request), streaming, started);
            case "invoke", "invoke-with-response-stream" -> invoke(foundationModel, request, streaming, started);
            default -> throw AwsException.notImplemented("bedrock", action + " for " + foundationModel.id());
        };
    }

    private AwsResponse converse(FoundationModel foundationModel, JsonNode body, boolean streaming, long started) {
        ConverseRequest converse = ConverseRequest.parse(body, foundationModel);
        GuardedGeneration.Answer answer = generation.generate(converse.prompt(), converse.guardrail(), converse.guardContent());
        Generation g = answer.generation();
        long latency = millisSince(started);
        ObjectNode usage = Json.object().put("inputTokens", g.inputTokens()).put("outputTokens", g.outputTokens())
                .put("totalTokens", g.inputTokens() + g.outputTokens());
        ObjectNode metrics = Json.object().put("latencyMs", latency);
        if (!streaming) {
            ObjectNode out = Json.object();
            ObjectNode message = out.putObject("output").putObject("message").put("role", "assistant");
            message.putArray("content").addObject().put("text", g.text());
            out.put("stopReason", answer.stopReason());
            out.set("usage", usage);
            out.set("metrics", metrics);
            out.set("additionalModelResponseFields", marker(foundationModel));
            if (answer.trace() != null) {
                out.putObject("trace").set("guardrail", answer.trace());
            }
            return json(out, headers(g, latency));
        }
        EventStream stream = new EventStream();
        stream.event("messageStart", Json.object().put("role", "assistant"));
        for (String piece : EventStream.deltas(g.text())) {
            ObjectNode delta = Json.object().put("contentBlockIndex", 0);
            delta.putObject("delta").put("text", piece);
            stream.event("contentBlockDelta", delta);
        }
        stream.event("contentBlockStop", Json.object().put("contentBlockIndex", 0));
        ObjectNode stop = Json.object().put("stopReason", answer.stopReason());
        stop.set("additionalModelResponseFields", marker(foundationModel));
        stream.event("messageStop", stop);
        ObjectNode metadata = Json.object();
        metadata.set("usage", usage);
        metadata.set("metrics", metrics);
        if (answer.trace() != null) {
            metadata.putObject("trace").set("guardrail", answer.trace());
        }
        stream.event("metadata", metadata);
        return stream.response(Map.of(RESPONDER_HEADER, model.name()));
    }

    private AwsResponse invoke(FoundationModel foundationModel, AwsRequest request, boolean streaming, long started) {
        NativeDialect dialect = NativeDialect.of(foundationModel);
        Prompt prompt = dialect.prompt(nativeBody(request), foundationModel);
        GuardrailRequest guardrail = headerGuardrail(request);
        GuardedGeneration.Answer answer = generation.generate(prompt, guardrail, List.of());
        Generation g = answer.generation();
        long latency = millisSince(started);
        String id = messageId();
        if (!streaming) {
            ObjectNode out = dialect.response(foundationModel, g, id);
            markGuardrail(out, answer);
            return json(out, headers(g, latency));
        }
        EventStream stream = new EventStream();
        List<ObjectNode> chunks = dialect.chunks(foundationModel, g, id, latency);
        markGuardrail(chunks.get(chunks.size() - 1), answer);
        for (ObjectNode chunk : chunks) {
            stream.event("chunk", Json.object().put("bytes", Base64.getEncoder().encodeToString(bytes(chunk))));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amzn-Bedrock-Content-Type", "application/json");
        headers.put(RESPONDER_HEADER, model.name());
        return stream.response(headers);
    }

    /**
     * InvokeModel's guardrail comes in headers (X-Amzn-Bedrock-GuardrailIdentifier, -GuardrailVersion,
     * X-Amzn-Bedrock-Trace); the whole last user message is assessed.
     */
    private static GuardrailRequest headerGuardrail(AwsRequest request) {
        String identifier = request.header("X-Amzn-Bedrock-GuardrailIdentifier").orElse(null);
        if (identifier == null) {
            return null;
        }
        String version = request.header("X-Amzn-Bedrock-GuardrailVersion").orElseThrow(() -> AwsException.validation(
                "Guardrail version is required when a guardrail identifier is specified."));
        boolean trace = request.header("X-Amzn-Bedrock-Trace").map(t -> t.startsWith("ENABLED")).orElse(false);
        return new GuardrailRequest(identifier, version, trace);
    }

    /** Bedrock marks a native body the guardrail changed with {@code amazon-bedrock-guardrailAction}, and traces it there too. */
    private static void markGuardrail(ObjectNode body, GuardedGeneration.Answer answer) {
        if (answer.intervened()) {
            body.put("amazon-bedrock-guardrailAction", "INTERVENED");
        }
        if (answer.trace() != null) {
            body.putObject("amazon-bedrock-trace").set("guardrail", answer.trace());
        }
    }

    private static JsonNode nativeBody(AwsRequest request) {
        try {
            JsonNode body = request.body().length == 0 ? null : Json.mapper().readTree(request.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // Reported below in Bedrock's wording for a body that is not a JSON object.
        }
        throw NativeDialect.malformed(List.of("#: expected type: JSONObject, found: the body is not a JSON object"));
    }

    /** Tells a learner that no real model answered, and which responder did. */
    private ObjectNode marker(FoundationModel foundationModel) {
        ObjectNode marker = Json.object();
        marker.putObject("emulator")
                .put("responder", model.name())
                .put("deterministic", model.deterministic())
                .put("note", "Answered by Lab Runner's embedded emulator, not by " + foundationModel.id() + ".");
        return marker;
    }

    private Map<String, String> headers(Generation g, long latency) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(g.inputTokens()));
        headers.put("X-Amzn-Bedrock-Output-Token-Count", Integer.toString(g.outputTokens()));
        headers.put("X-Amzn-Bedrock-Invocation-Latency", Long.toString(latency));
        headers.put(RESPONDER_HEADER, model.name());
        return headers;
    }

    private static AwsResponse json(ObjectNode body, Map<String, String> headers) {
        return new AwsResponse(200, "application/json", headers, bytes(body));
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long started) {
        return Math.max(1, (System.nanoTime() - started) / 1_000_000);
    }

    private static String messageId() {
        StringBuilder id = new StringBuilder("msg_bdrk_");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
