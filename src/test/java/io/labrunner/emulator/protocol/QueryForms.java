package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens a request tree (as {@link ConformanceCases} generates it) into the query protocol's form
 * fields, as botocore's and SDK v2's query serializers write them: {@code Outer.Inner},
 * {@code List.member.N}, {@code Map.entry.N.key}/{@code .value}, an empty list as {@code List=}.
 */
public final class QueryForms {
    private QueryForms() {
    }

    /** The fields of {@code input} (a structure of {@code shape}), in member order. */
    public static Map<String, String> fields(ServiceModel model, Shape shape, JsonNode input) {
        Map<String, String> fields = new LinkedHashMap<>();
        structure(model, shape, input, "", fields);
        return fields;
    }

    /** {@code Action=..&Version=..&<fields>}, form-encoded. */
    public static String body(ServiceModel model, String operation, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Action", operation);
        all.put("Version", model.apiVersion());
        all.putAll(fields);
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return body.toString();
    }

    private static void structure(ServiceModel model, Shape shape, JsonNode node, String prefix, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            value(model, model.shape(shape.members().get(member.getKey())), member.getValue(),
                    prefix + member.getKey(), out);
        }
    }

    private static void value(ServiceModel model, Shape shape, JsonNode node, String name, Map<String, String> out) {
        switch (shape.type()) {
            case STRUCTURE -> structure(model, shape, node, name + ".", out);
            case LIST -> {
                if (node.isEmpty()) {
                    out.put(name, "");
                }
                for (int i = 0; i < node.size(); i++) {
                    value(model, model.shape(shape.member()), node.get(i), name + ".member." + (i + 1), out);
                }
            }
            case MAP -> {
                if (node.isEmpty()) {
                    out.put(name, "");
                }
                int i = 1;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); i++) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    out.put(name + ".entry." + i + ".key", entry.getKey());
                    value(model, model.shape(shape.value()), entry.getValue(), name + ".entry." + i + ".value", out);
                }
            }
            default -> out.put(name, node.asText());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
