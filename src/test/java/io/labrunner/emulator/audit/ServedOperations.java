package io.labrunner.emulator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Every operation the emulator serves, with its HTTP binding and top-level input members as AWS's
 * service models define them ({@code served-operations.json}, written by {@code served_operations.py}
 * from botocore's models).
 */
final class ServedOperations {
    private ServedOperations() {
    }

    /**
     * One input member: its wire name, model type and where it travels; for a top-level structure (or
     * list of structures) also the members one level down.
     */
    record Member(String name, String type, String location, boolean required, List<Member> children) {
        boolean inBody() {
            return "body".equals(location);
        }
    }

    /** One served operation and how it is called. */
    record Operation(String service, String name, String protocol, String signingName, String apiVersion,
            String targetPrefix, String jsonVersion, String method, String requestUri, String payload,
            List<Member> members) {
        @Override
        public String toString() {
            return service + "." + name;
        }
    }

    private static Member member(JsonNode m) {
        List<Member> children = new ArrayList<>();
        m.path("children").forEach(c -> children.add(member(c)));
        return new Member(m.path("name").asText(), m.path("type").asText(), m.path("location").asText("body"),
                m.path("required").asBoolean(), List.copyOf(children));
    }

    static List<Operation> load() throws IOException {
        JsonNode root;
        try (InputStream in = ServedOperations.class.getResourceAsStream("served-operations.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Operation> operations = new ArrayList<>();
        root.fields().forEachRemaining(service -> {
            JsonNode s = service.getValue();
            s.path("operations").fields().forEachRemaining(op -> {
                JsonNode o = op.getValue();
                List<Member> members = new ArrayList<>();
                o.path("members").forEach(m -> members.add(member(m)));
                operations.add(new Operation(service.getKey(), op.getKey(), s.path("protocol").asText(),
                        s.path("signingName").asText(), s.path("apiVersion").asText(),
                        s.path("targetPrefix").asText(null), s.path("jsonVersion").asText(null),
                        o.path("method").asText(), o.path("requestUri").asText(), o.path("payload").asText(null),
                        List.copyOf(members)));
            });
        });
        return operations;
    }
}
