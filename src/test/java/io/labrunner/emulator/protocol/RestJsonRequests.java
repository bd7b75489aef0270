package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a generated input (a {@link ConformanceCases.Case}'s body, every member in one tree) into the REST
 * request an SDK would send for it, as the model binds each member: URI labels into the path (URL-encoded),
 * query-string members into the query, header members into headers, a blob {@code payload} as the raw body,
 * the rest as the JSON body.
 */
public final class RestJsonRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServiceModel model;

    public RestJsonRequests(ServiceModel model) {
        this.model = model;
    }

    /** One REST request, ready to sign and send. */
    public record Request(String method, String encodedPath, Map<String, List<String>> query,
            Map<String, String> headers, byte[] body) {
    }

    /**
     * The request for {@code input} to {@code operation}, or empty when HTTP cannot carry it: a label missing or
     * empty (the path would name another operation), or a header value with characters a header cannot hold.
     */
    public Optional<Request> of(String operation, ObjectNode input) {
        Operation op = model.operation(operation).orElseThrow();
        Shape shape = model.shape(op.input());
        ObjectNode body = input.deepCopy();
        String path = op.http().requestUri();
        int question = path.indexOf('?');
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String part : path.substring(question + 1).split("&")) {
                int eq = part.indexOf('=');
                query.put(eq < 0 ? part : part.substring(0, eq), List.of(eq < 0 ? "" : part.substring(eq + 1)));
            }
            path = path.substring(0, question);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        for (Map.Entry<String, MemberBinding> bound : shape.bindings().entrySet()) {
            JsonNode value = body.remove(bound.getKey());
            String wire = bound.getValue().wireName();
            switch (bound.getValue().location()) {
                case URI -> {
                    if (value == null || value.asText().isEmpty()) {
                        return Optional.empty();
                    }
                    path = path.replace("{" + wire + "}", encode(value.asText()))
                            .replace("{" + wire + "+}", encode(value.asText()).replace("%2F", "/"));
                }
                case QUERYSTRING -> {
                    if (value != null) {
                        List<String> values = new ArrayList<>();
                        if (value.isArray()) {
                            value.forEach(v -> values.add(v.asText()));
                        } else {
                            values.add(value.asText());
                        }
                        query.put(wire, values);
                    }
                }
                case HEADER -> {
                    if (value != null) {
                        String text = value.asText();
                        if (!text.equals(text.strip()) || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                            return Optional.empty();
                        }
                        headers.put(wire, text);
                    }
                }
                default -> {
                }
            }
        }
        byte[] bytes;
        if (shape.payload() != null) {
            JsonNode payload = body.get(shape.payload());
            Shape payloadShape = model.shape(shape.members().get(shape.payload()));
            if (payload == null) {
                bytes = new byte[0];
            } else if (payloadShape.type() == ShapeType.BLOB) {
                bytes = Base64.getDecoder().decode(payload.asText());
            } else {
                bytes = write(payload);
            }
        } else {
            bytes = body.isEmpty() && !"POST".equals(op.http().method()) && !"PUT".equals(op.http().method())
                    ? new byte[0] : write(body);
        }
        return Optional.of(new Request(op.http().method(), path, query, headers, bytes));
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
