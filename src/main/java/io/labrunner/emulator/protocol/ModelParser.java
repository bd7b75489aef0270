package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads botocore's {@code service-2.json} into a {@link ServiceModel}, keeping what validation needs. */
final class ModelParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelParser() {
    }

    static ServiceModel parse(InputStream json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        JsonNode metadata = root.path("metadata");
        Map<String, Shape> shapes = new HashMap<>();
        root.path("shapes").fields().forEachRemaining(e -> shapes.put(e.getKey(), shape(e.getKey(), e.getValue())));
        Map<String, Operation> operations = new HashMap<>();
        root.path("operations").fields().forEachRemaining(e -> operations.put(e.getKey(), operation(e.getKey(), e.getValue())));
        List<String> protocols = new ArrayList<>();
        metadata.path("protocols").forEach(p -> protocols.add(p.asText()));
        if (protocols.isEmpty()) {
            protocols.add(metadata.path("protocol").asText());
        }
        Map<String, String> queryErrorCodes = new HashMap<>();
        root.path("shapes").fields().forEachRemaining(e -> {
            String code = text(e.getValue().path("error"), "code");
            if (code != null) {
                queryErrorCodes.put(e.getKey(), code);
            }
        });
        return new ServiceModel(metadata.path("serviceId").asText(), metadata.path("protocol").asText(),
                text(metadata, "jsonVersion"), text(metadata, "targetPrefix"), Map.copyOf(shapes), Map.copyOf(operations),
                text(metadata, "apiVersion"), text(metadata, "xmlNamespace"), List.copyOf(protocols),
                metadata.has("awsQueryCompatible"), Map.copyOf(queryErrorCodes));
    }

    private static Shape shape(String name, JsonNode node) {
        ShapeType type = ShapeType.of(node.path("type").asText(), node.path("document").asBoolean(false));
        Map<String, String> members = new LinkedHashMap<>();
        node.path("members").fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue().path("shape").asText()));
        Set<String> required = new HashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(v -> enumValues.add(v.asText()));
        String pattern = text(node, "pattern");
        Map<String, MemberBinding> bindings = new LinkedHashMap<>();
        node.path("members").fields().forEachRemaining(e -> {
            String location = text(e.getValue(), "location");
            if (location != null) {
                String wireName = text(e.getValue(), "locationName");
                bindings.put(e.getKey(), new MemberBinding(MemberBinding.Location.of(location),
                        wireName == null ? e.getKey() : wireName));
            }
        });
        return new Shape(name, type, members, Set.copyOf(required), text(node.path("member"), "shape"),
                text(node.path("key"), "shape"), text(node.path("value"), "shape"), number(node, "min"),
                number(node, "max"), pattern == null ? null : AwsPattern.of(pattern), List.copyOf(enumValues),
                Map.copyOf(bindings), text(node, "payload"), node.path("sensitive").asBoolean(false));
    }

    private static Operation operation(String name, JsonNode node) {
        List<String> errors = new ArrayList<>();
        node.path("errors").forEach(e -> errors.add(e.path("shape").asText()));
        JsonNode http = node.get("http");
        HttpBinding binding = http == null ? null : new HttpBinding(http.path("method").asText("POST"),
                http.path("requestUri").asText("/"), http.path("responseCode").asInt(200));
        return new Operation(name, text(node.path("input"), "shape"), text(node.path("output"), "shape"),
                List.copyOf(errors), text(node.path("output"), "resultWrapper"), binding);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }
}
