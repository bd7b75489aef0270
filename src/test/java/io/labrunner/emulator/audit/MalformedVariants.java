package io.labrunner.emulator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.labrunner.emulator.audit.ServedOperations.Member;
import io.labrunner.emulator.audit.ServedOperations.Operation;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The malformed requests tried against one operation, built from its model: an empty body, bodies
 * that are not JSON or not an object, each top-level member null or of every wrong JSON type (and
 * numbers out of range), for the query protocol each parameter missing or garbled.
 */
final class MalformedVariants {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final String LONG = "a".repeat(300);
    private static final byte[] GARBAGE = {(byte) 0xff, (byte) 0xfe, 0, 1, '{', '"', (byte) 0x80};

    /** One request to send: what it tries, and its method, path with query, headers and body. */
    record Probe(String label, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        /** Whether a member has a JSON type its model does not allow, which AWS refuses before anything else. */
        boolean wrongJsonType() {
            return label.matches(".* as (string|number|boolean|object|array|numeric string|words)")
                    || label.startsWith("top-level ") || label.startsWith("CBOR top-level ");
        }
    }

    /** Values that fill a member of each type correctly, so that the one broken member is reached. */
    private final Map<String, String> names;

    /** @param names values for members whose name the emulator looks up (modelId, guardrailIdentifier) */
    MalformedVariants(Map<String, String> names) {
        this.names = names;
    }

    List<Probe> of(Operation op) {
        return switch (op.protocol()) {
            case "json" -> json(op);
            case "query" -> query(op);
            case "rest-json" -> restJson(op);
            case "rest-xml" -> restXml(op);
            default -> throw new IllegalArgumentException(op.protocol());
        };
    }

    // ---- JSON 1.1 (Glue, Athena, Kinesis, Firehose) ----

    private List<Probe> json(Operation op) {
        Map<String, String> headers = Map.of("Content-Type", "application/x-amz-json-" + op.jsonVersion(),
                "X-Amz-Target", op.targetPrefix() + "." + op.name());
        List<Probe> probes = new ArrayList<>();
        for (Map.Entry<String, String> body : jsonBodies(op).entrySet()) {
            probes.add(new Probe(body.getKey(), "POST", "/", headers, utf8(body.getValue())));
        }
        probes.add(new Probe("binary garbage", "POST", "/", headers, GARBAGE));
        probes.add(new Probe("no body", "POST", "/", headers, new byte[0]));
        if ("kinesis".equals(op.service())) {
            // SDK v2 speaks CBOR to Kinesis: the same variants again in CBOR.
            Map<String, String> cbor = Map.of("Content-Type", "application/x-amz-cbor-1.1",
                    "X-Amz-Target", op.targetPrefix() + "." + op.name());
            for (Map.Entry<String, String> body : jsonBodies(op).entrySet()) {
                cborOf(body.getValue()).ifPresent(bytes ->
                        probes.add(new Probe("CBOR " + body.getKey(), "POST", "/", cbor, bytes)));
            }
            probes.add(new Probe("CBOR binary garbage", "POST", "/", cbor, GARBAGE));
        }
        return probes;
    }

    /** Body label → body text, for a JSON operation or a REST-JSON operation's body members. */
    private Map<String, String> jsonBodies(Operation op) {
        Map<String, String> bodies = new LinkedHashMap<>();
        ObjectNode base = JSON.createObjectNode();
        op.members().stream().filter(m -> m.inBody() && m.required()).forEach(m -> base.set(m.name(), fill(m)));
        bodies.put("empty object", "{}");
        bodies.put("required members only", base.toString());
        bodies.put("unterminated JSON", "{\"unterminated");
        bodies.put("top-level array", "[]");
        bodies.put("top-level string", "\"x\"");
        bodies.put("top-level number", "1");
        bodies.put("top-level null", "null");
        for (Member m : op.members()) {
            if (!m.inBody()) {
                continue;
            }
            bodies.put(m.name() + " null", with(base, m.name(), "null"));
            wrongValues(m).forEach((label, raw) -> bodies.put(m.name() + " " + label, with(base, m.name(), raw)));
            for (Member child : m.children()) {
                ObjectNode parent = filledStructure(m);
                String path = m.name() + ("list".equals(m.type()) ? "[0]." : ".") + child.name();
                Map<String, String> wrong = new LinkedHashMap<>(wrongValues(child));
                wrong.put("null", "null");
                wrong.forEach((label, raw) -> {
                    String inner = with(parent, child.name(), raw);
                    bodies.put(path + " " + label, with(base, m.name(), "list".equals(m.type()) ? "[" + inner + "]" : inner));
                });
            }
        }
        return bodies;
    }

    /** A structure (or a list's structure entry) with its required members filled. */
    private ObjectNode filledStructure(Member m) {
        ObjectNode node = JSON.createObjectNode();
        m.children().stream().filter(Member::required).forEach(c -> node.set(c.name(), fill(c)));
        return node;
    }

    /** Wrong JSON for a member of the given model type, by label. */
    private static Map<String, String> wrongValues(Member m) {
        Map<String, String> v = new LinkedHashMap<>();
        switch (m.type()) {
            case "string" -> {
                v.put("as number", "123");
                v.put("as boolean", "true");
                v.put("as object", "{}");
                v.put("as array", "[]");
                v.put("empty", "\"\"");
                v.put("300 characters", "\"" + LONG + "\"");
            }
            case "integer", "long" -> {
                v.put("as string", "\"abc\"");
                v.put("as numeric string", "\"12\"");
                v.put("as boolean", "true");
                v.put("as object", "{}");
                v.put("as array", "[]");
                v.put("fractional", "1.5");
                v.put("negative", "-1");
                v.put("above int range", "2147483648");
                v.put("above long range", "99999999999999999999");
                v.put("beyond double range", "1e400");
            }
            case "float", "double" -> {
                v.put("as string", "\"abc\"");
                v.put("as object", "{}");
                v.put("beyond double range", "1e400");
                v.put("negative", "-1");
            }
            case "boolean" -> {
                v.put("as string", "\"true\"");
                v.put("as number", "1");
                v.put("as object", "{}");
                v.put("as array", "[]");
            }
            case "list" -> {
                v.put("as string", "\"x\"");
                v.put("as number", "1");
                v.put("as object", "{}");
                v.put("as boolean", "true");
                v.put("of numbers", "[1]");
                v.put("of strings", "[\"x\"]");
                v.put("of nulls", "[null]");
                v.put("of empty objects", "[{}]");
                v.put("of arrays", "[[]]");
            }
            case "map" -> {
                v.put("as string", "\"x\"");
                v.put("as number", "1");
                v.put("as array", "[]");
                v.put("with a number value", "{\"k\":1}");
                v.put("with a null value", "{\"k\":null}");
                v.put("with an object value", "{\"k\":{}}");
            }
            case "structure" -> {
                v.put("as string", "\"x\"");
                v.put("as number", "1");
                v.put("as array", "[]");
                v.put("as boolean", "true");
                v.put("empty", "{}");
                v.put("with unknown members", "{\"Bogus\":1,\"Name\":{},\"Values\":5}");
            }
            case "blob" -> {
                v.put("as number", "1");
                v.put("as object", "{}");
                v.put("not base64", "\"!!!not base64!!!\"");
            }
            case "timestamp" -> {
                v.put("as words", "\"yesterday\"");
                v.put("as object", "{}");
                v.put("as boolean", "true");
                v.put("negative", "-1");
                v.put("beyond double range", "1e400");
            }
            default -> v.put("as object", "{}");
        }
        return v;
    }

    private JsonNode fill(Member m) {
        String named = names.get(m.name());
        if (named != null) {
            return JSON.getNodeFactory().textNode(named);
        }
        return switch (m.type()) {
            case "integer", "long" -> JSON.getNodeFactory().numberNode(1);
            case "float", "double" -> JSON.getNodeFactory().numberNode(1.0);
            case "boolean" -> JSON.getNodeFactory().booleanNode(false);
            case "list" -> m.children().isEmpty() ? JSON.createArrayNode() : JSON.createArrayNode().add(filledStructure(m));
            case "structure" -> filledStructure(m);
            case "map" -> JSON.createObjectNode();
            case "blob" -> JSON.getNodeFactory().textNode("ZnV6eg==");
            case "timestamp" -> JSON.getNodeFactory().numberNode(1_700_000_000);
            default -> JSON.getNodeFactory().textNode("fuzz");
        };
    }

    /** {@code base} with member {@code name} set to the raw JSON text {@code raw} (kept verbatim, e.g. 1e400). */
    private static String with(ObjectNode base, String name, String raw) {
        ObjectNode copy = base.deepCopy();
        copy.remove(name);
        String text = copy.toString();
        String member = JSON.getNodeFactory().textNode(name) + ":" + raw;
        return copy.isEmpty() ? "{" + member + "}" : text.substring(0, text.length() - 1) + "," + member + "}";
    }

    private static java.util.Optional<byte[]> cborOf(String json) {
        try {
            return java.util.Optional.of(CBOR.writeValueAsBytes(JSON.readTree(json)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    // ---- query protocol (IAM, STS) ----

    private List<Probe> query(Operation op) {
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        Map<String, String> base = new LinkedHashMap<>();
        base.put("Action", op.name());
        base.put("Version", op.apiVersion());
        op.members().stream().filter(Member::required).forEach(m -> base.putAll(queryFill(m)));
        List<Probe> probes = new ArrayList<>();
        probes.add(form("required members only", headers, base));
        probes.add(form("Action and Version only", headers, Map.of("Action", op.name(), "Version", op.apiVersion())));
        probes.add(new Probe("no body", "POST", "/", headers, new byte[0]));
        probes.add(new Probe("binary garbage", "POST", "/", headers, GARBAGE));
        probes.add(new Probe("a JSON body", "POST", "/", headers, utf8("{\"Action\":\"" + op.name() + "\"}")));
        probes.add(new Probe("bad percent-encoding", "POST", "/", headers,
                utf8("Action=" + op.name() + "&Version=" + op.apiVersion() + "&Marker=%ZZ&RoleName=%E0%A4")));
        probes.add(form("unknown Action", headers, Map.of("Action", "FuzzNoSuchAction", "Version", op.apiVersion())));
        probes.add(form("Action garbled", headers, Map.of("Action", op.name() + "<&>", "Version", op.apiVersion())));
        for (Member m : op.members()) {
            if (m.required()) {
                Map<String, String> missing = new LinkedHashMap<>(base);
                missing.keySet().removeIf(k -> k.equals(m.name()) || k.startsWith(m.name() + "."));
                probes.add(form(m.name() + " missing", headers, missing));
            }
            for (Map.Entry<String, String> garbled : queryGarbles(m).entrySet()) {
                Map<String, String> params = new LinkedHashMap<>(base);
                params.keySet().removeIf(k -> k.equals(m.name()) || k.startsWith(m.name() + "."));
                String[] kv = garbled.getValue().split("=", 2);
                params.put(kv[0], kv[1]);
                probes.add(form(m.name() + " " + garbled.getKey(), headers, params));
            }
        }
        // The same operation with its parameters in the URL query of a GET, as the CLI can send them.
        probes.add(new Probe("GET with garbled query", "GET", "/?Action=" + op.name() + "&Version=" + op.apiVersion()
                + "&MaxItems=abc&Marker=-5", Map.of(), new byte[0]));
        return probes;
    }

    private static Map<String, String> queryFill(Member m) {
        return switch (m.type()) {
            case "list" -> Map.of(m.name() + ".member.1", "fuzz");
            case "integer", "long" -> Map.of(m.name(), "1");
            case "boolean" -> Map.of(m.name(), "false");
            default -> Map.of(m.name(), m.name().endsWith("PolicyDocument") ? "{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"
                    : m.name().endsWith("Arn") ? "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" : "fuzz");
        };
    }

    /** label → {@code name=value} (the name may carry a list suffix). */
    private static Map<String, String> queryGarbles(Member m) {
        Map<String, String> v = new LinkedHashMap<>();
        String n = m.name();
        v.put("empty", n + "=");
        v.put("not a number", n + "=abc");
        v.put("negative", n + "=-1");
        v.put("above long range", n + "=99999999999999999999");
        v.put("fractional", n + "=1.5");
        v.put("300 characters", n + "=" + LONG);
        v.put("with XML characters", n + "=<x>&'\"");
        if ("list".equals(m.type())) {
            v.put("entry 0", n + ".member.0=x");
            v.put("entry 2 without 1", n + ".member.2=x");
            v.put("huge entry index", n + ".member.99999999999=x");
            v.put("Key without Value", n + ".member.1.Key=k");
            v.put("Value without Key", n + ".member.1.Value=v");
        }
        if (n.endsWith("PolicyDocument")) {
            v.put("JSON array", n + "=[]");
            v.put("JSON null", n + "=null");
            v.put("Statement a number", n + "={\"Statement\":5}");
            v.put("Statement of numbers", n + "={\"Version\":\"2012-10-17\",\"Statement\":[5]}");
            v.put("Principal a number", n + "={\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":5,\"Action\":5}]}");
            v.put("Principal Service an object", n + "={\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":5,"
                    + "\"Principal\":{\"Service\":{}},\"Action\":[1]}]}");
        }
        return v;
    }

    private static Probe form(String label, Map<String, String> headers, Map<String, String> params) {
        StringBuilder body = new StringBuilder();
        params.forEach((k, val) -> body.append(body.length() == 0 ? "" : "&").append(encode(k)).append('=')
                .append(encode(val)));
        return new Probe(label, "POST", "/", headers, utf8(body.toString()));
    }

    // ---- REST-JSON (Bedrock control plane and runtime) ----

    private List<Probe> restJson(Operation op) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> headers = Map.of("Content-Type", "application/json");
        String path = path(op, Map.of());
        boolean hasBody = op.members().stream().anyMatch(Member::inBody);
        if (op.payload() != null) {
            // InvokeModel: the body is the model's own JSON.
            for (String model : List.of("amazon.titan-embed-text-v2:0", "amazon.titan-embed-text-v1",
                    "cohere.embed-english-v3", "us.anthropic.claude-haiku-4-5-20251001-v1:0", "amazon.nova-micro-v1:0",
                    "meta.llama3-8b-instruct-v1:0", "mistral.mistral-7b-instruct-v0:2")) {
                String modelPath = path(op, Map.of("modelId", model));
                nativeBodies().forEach((label, body) ->
                        probes.add(new Probe(model + " " + label, op.method(), modelPath, headers, utf8(body))));
                probes.add(new Probe(model + " binary garbage", op.method(), modelPath, headers, GARBAGE));
            }
        } else if (hasBody) {
            jsonBodies(op).forEach((label, body) -> probes.add(new Probe(label, op.method(), path, headers, utf8(body))));
            extras(op.name()).forEach((label, body) -> probes.add(new Probe(label, op.method(), path, headers, utf8(body))));
            probes.add(new Probe("binary garbage", op.method(), path, headers, GARBAGE));
        } else {
            probes.add(new Probe("as modelled", op.method(), path, Map.of(), new byte[0]));
        }
        for (Member m : op.members()) {
            if ("uri".equals(m.location())) {
                for (String bad : List.of("nope", LONG, "..", "%00", "a b")) {
                    probes.add(new Probe(m.name() + " " + bad.substring(0, Math.min(8, bad.length())), op.method(),
                            path(op, Map.of(m.name(), bad)), headers, hasBody ? utf8("{}") : new byte[0]));
                }
            } else if ("querystring".equals(m.location())) {
                for (String bad : List.of("abc", "-1", "0", "99999999999999999999", "", LONG)) {
                    probes.add(new Probe(m.name() + "=" + bad.substring(0, Math.min(8, bad.length())), op.method(),
                            path + (path.contains("?") ? "&" : "?") + encode(m.name()) + "=" + encode(bad), headers,
                            hasBody ? utf8("{}") : new byte[0]));
                }
            }
        }
        return probes;
    }

    // ---- REST-XML (S3) ----

    /** S3: a configuration document that is not one (for a PUT with an XML payload), and bad path and query values. */
    private List<Probe> restXml(Operation op) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> headers = Map.of("Content-Type", "application/xml");
        String path = path(op, Map.of());
        boolean hasBody = op.payload() != null && "PUT".equals(op.method());
        if (hasBody) {
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("empty body", "");
            bodies.put("unterminated XML", "<Tagging><TagSet>");
            bodies.put("another root", "<Unknown/>");
            bodies.put("text only", "<" + op.payload() + ">x</" + op.payload() + ">");
            bodies.put("external entity", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM "
                    + "\"file:///etc/passwd\">]><Tagging><TagSet><Tag><Key>&e;</Key><Value>v</Value></Tag></TagSet>"
                    + "</Tagging>");
            bodies.put("JSON", "{\"TagSet\":[]}");
            bodies.forEach((label, body) -> probes.add(new Probe(label, op.method(), path, headers, utf8(body))));
            probes.add(new Probe("binary garbage", op.method(), path, headers, GARBAGE));
        } else {
            probes.add(new Probe("as modelled", op.method(), path, Map.of(), new byte[0]));
        }
        for (Member m : op.members()) {
            if ("uri".equals(m.location())) {
                for (String bad : List.of("nope", LONG, "a b", "UPPER")) {
                    probes.add(new Probe(m.name() + " " + bad.substring(0, Math.min(8, bad.length())), op.method(),
                            path(op, Map.of(m.name(), bad)), headers, new byte[0]));
                }
            } else if ("querystring".equals(m.location())) {
                for (String bad : List.of("abc", "-1", "99999999999999999999", "", LONG)) {
                    probes.add(new Probe(m.name() + "=" + bad.substring(0, Math.min(8, bad.length())), op.method(),
                            path + (path.contains("?") ? "&" : "?") + encode(m.name()) + "=" + encode(bad), headers,
                            new byte[0]));
                }
            }
        }
        return probes;
    }

    private String path(Operation op, Map<String, String> overrides) {
        String uri = op.requestUri();
        for (Member m : op.members()) {
            if ("uri".equals(m.location())) {
                String value = overrides.getOrDefault(m.name(), names.getOrDefault(m.name(), "fuzz"));
                uri = uri.replace("{" + m.name() + "}", encode(value)).replace("{" + m.name() + "+}", encode(value));
            }
        }
        return uri;
    }

    /** Model-native request bodies for InvokeModel: each family's members of the wrong type. */
    private static Map<String, String> nativeBodies() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("empty object", "{}");
        v.put("unterminated JSON", "{\"inputText\":");
        v.put("top-level array", "[]");
        v.put("top-level null", "null");
        v.put("top-level string", "\"x\"");
        v.put("inputText a number", "{\"inputText\":5}");
        v.put("inputText an object", "{\"inputText\":{}}");
        v.put("inputText null", "{\"inputText\":null}");
        v.put("dimensions a string", "{\"inputText\":\"hi\",\"dimensions\":\"x\"}");
        v.put("dimensions negative", "{\"inputText\":\"hi\",\"dimensions\":-1}");
        v.put("dimensions huge", "{\"inputText\":\"hi\",\"dimensions\":1e400}");
        v.put("normalize a string", "{\"inputText\":\"hi\",\"normalize\":\"yes\"}");
        v.put("texts a string", "{\"texts\":\"x\",\"input_type\":\"search_query\"}");
        v.put("texts of numbers", "{\"texts\":[1],\"input_type\":\"search_query\"}");
        v.put("input_type a number", "{\"texts\":[\"a\"],\"input_type\":5}");
        v.put("messages a string", "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10,\"messages\":\"x\"}");
        v.put("messages of numbers", "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10,\"messages\":[1]}");
        v.put("role a number", "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10,"
                + "\"messages\":[{\"role\":5,\"content\":\"hi\"}]}");
        v.put("content a number", "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10,"
                + "\"messages\":[{\"role\":\"user\",\"content\":5}]}");
        v.put("content of numbers", "{\"messages\":[{\"role\":\"user\",\"content\":[5]}]}");
        v.put("content text a number", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":5}]}]}");
        v.put("max_tokens a string", "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":\"x\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        v.put("max_tokens huge", "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":99999999999999999999,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        v.put("inferenceConfig a number", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],"
                + "\"inferenceConfig\":5}");
        v.put("system a string", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],\"system\":5}");
        return v;
    }

    /** Hand-written nested variants for operations whose top-level members are all lists or structures. */
    private static Map<String, String> extras(String operation) {
        Map<String, String> v = new LinkedHashMap<>();
        switch (operation) {
            case "Converse", "ConverseStream" -> {
                v.put("message without role", "{\"messages\":[{\"content\":[{\"text\":\"hi\"}]}]}");
                v.put("role unknown", "{\"messages\":[{\"role\":\"robot\",\"content\":[{\"text\":\"hi\"}]}]}");
                v.put("content a string", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
                v.put("content text a number", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":5}]}]}");
                v.put("maxTokens a string", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],"
                        + "\"inferenceConfig\":{\"maxTokens\":\"x\",\"temperature\":\"hot\"}}");
                v.put("maxTokens huge", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],"
                        + "\"inferenceConfig\":{\"maxTokens\":1e400}}");
                v.put("system of numbers", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],"
                        + "\"system\":[5]}");
                v.put("guardrailConfig of numbers", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],"
                        + "\"guardrailConfig\":{\"guardrailIdentifier\":5,\"guardrailVersion\":[]}}");
            }
            case "ApplyGuardrail" -> {
                v.put("content text a number", "{\"source\":\"INPUT\",\"content\":[{\"text\":{\"text\":5}}]}");
                v.put("content text a string", "{\"source\":\"INPUT\",\"content\":[{\"text\":\"hi\"}]}");
                v.put("source unknown", "{\"source\":\"SIDEWAYS\",\"content\":[{\"text\":{\"text\":\"hi\"}}]}");
            }
            case "CreateGuardrail" -> {
                v.put("topics a string", "{\"name\":\"g1\",\"blockedInputMessaging\":\"no\","
                        + "\"blockedOutputsMessaging\":\"no\",\"topicPolicyConfig\":{\"topicsConfig\":\"x\"}}");
                v.put("filter strength a number", "{\"name\":\"g2\",\"blockedInputMessaging\":\"no\","
                        + "\"blockedOutputsMessaging\":\"no\",\"contentPolicyConfig\":{\"filtersConfig\":"
                        + "[{\"type\":\"INSULTS\",\"inputStrength\":5,\"outputStrength\":{}}]}}");
                v.put("words of numbers", "{\"name\":\"g3\",\"blockedInputMessaging\":\"no\","
                        + "\"blockedOutputsMessaging\":\"no\",\"wordPolicyConfig\":{\"wordsConfig\":[{\"text\":5}]}}");
                v.put("pii type unknown", "{\"name\":\"g4\",\"blockedInputMessaging\":\"no\","
                        + "\"blockedOutputsMessaging\":\"no\",\"sensitiveInformationPolicyConfig\":"
                        + "{\"piiEntitiesConfig\":[{\"type\":\"NOPE\",\"action\":7}]}}");
            }
            default -> {
            }
        }
        return v;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
