package io.labrunner.emulator.iam.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy document into {@link PolicyDocument}, checking it in the order IAM does and refusing it
 * with IAM's MalformedPolicyDocument wording (the messages moto's policy validator records from IAM):
 * JSON first, then the grammar ("Syntax errors in policy."), the version, the legacy parse of Effect and
 * conditions, unique Sids, actions, resources, then the formats of resources and actions. Statement
 * positions are taken from the text while it is read, so the simulator can point at them.
 */
final class PolicyParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> VERSIONS = Set.of("2008-10-17", "2012-10-17");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction",
            "Resource", "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9\\-.]+");
    static final String SYNTAX = "Syntax errors in policy.";

    private PolicyParser() {
    }

    private record Raw(JsonNode node, Position start, Position end) {
    }

    static PolicyDocument parse(String text, PolicyKind asked) {
        boolean managed = asked == PolicyKind.MANAGED;
        PolicyKind kind = managed ? PolicyKind.IDENTITY : asked;
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        List<Raw> raw = new ArrayList<>();
        boolean statementIsList = read(text, root, raw);
        grammar(root, raw, statementIsList, kind);
        String version = root.has("Version") ? root.get("Version").textValue() : null;
        if (managed && !PolicyDocument.CURRENT_VERSION.equals(version)) {
            throw malformed("Policy document must be version 2012-10-17 or greater.");
        }
        List<Statement> statements = new ArrayList<>();
        for (Raw r : raw) {
            statements.add(statement(r));
        }
        Set<String> sids = new HashSet<>();
        for (Statement s : statements) {
            if (s.sid() != null && !s.sid().isEmpty() && !sids.add(s.sid())) {
                throw malformed("Statement IDs (SID) in a single policy must be unique.");
            }
        }
        for (Raw r : raw) {
            if (emptyOrAbsent(r.node(), "Action") && emptyOrAbsent(r.node(), "NotAction")) {
                throw malformed("Policy statement must contain actions.");
            }
        }
        for (Raw r : raw) {
            if (kind == PolicyKind.TRUST) {
                if (r.node().has("Resource") || r.node().has("NotResource")) {
                    throw malformed("Has prohibited field Resource");
                }
            } else if (emptyOrAbsent(r.node(), "Resource") && emptyOrAbsent(r.node(), "NotResource")) {
                throw malformed("Policy statement must contain resources.");
            }
            if (kind == PolicyKind.IDENTITY && (r.node().has("Principal") || r.node().has("NotPrincipal"))) {
                throw malformed("Policy document should not specify a principal.");
            }
            if (kind != PolicyKind.IDENTITY && !r.node().has("Principal") && !r.node().has("NotPrincipal")) {
                throw malformed("Missing required field Principal");
            }
        }
        for (Statement s : statements) {
            if (s.resources() != null) {
                for (String resource : s.resources().values()) {
                    resourceFormat(resource);
                }
            }
        }
        for (Statement s : statements) {
            for (String action : s.actions().values()) {
                actionFormat(action);
            }
        }
        return new PolicyDocument(version, root.has("Id") ? root.get("Id").textValue() : null, statements, text);
    }

    /** Reads the text into {@code root}, recording each statement's span; true when Statement is a list. */
    private static boolean read(String text, ObjectNode root, List<Raw> raw) {
        boolean list = false;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalidJson();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (root.has(name)) {
                    throw malformed(SYNTAX);
                }
                if (name.equals("Statement") && value == JsonToken.START_ARRAY) {
                    list = true;
                    ArrayNode statements = root.putArray(name);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        Raw r = readStatement(p);
                        statements.add(r.node());
                        raw.add(r);
                    }
                } else if (name.equals("Statement")) {
                    Raw r = readStatement(p);
                    root.set(name, r.node());
                    raw.add(r);
                } else {
                    root.set(name, p.readValueAsTree());
                }
            }
            if (p.nextToken() != null) {
                throw invalidJson();
            }
        } catch (IOException e) {
            throw invalidJson();
        }
        return list;
    }

    private static Raw readStatement(JsonParser p) throws IOException {
        Position start = position(p.currentTokenLocation());
        JsonNode node = p.readValueAsTree();
        Position end = position(p.currentTokenLocation());
        return new Raw(node == null ? JsonNodeFactory.instance.nullNode() : node, start, end);
    }

    private static Position position(JsonLocation at) {
        return new Position(at.getLineNr(), at.getColumnNr() + 1);
    }

    private static void grammar(ObjectNode root, List<Raw> raw, boolean statementIsList, PolicyKind kind) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!TOP_ELEMENTS.contains(names.next())) {
                throw malformed(SYNTAX);
            }
        }
        JsonNode version = root.get("Version");
        if (version != null && !(version.isTextual() && VERSIONS.contains(version.textValue()))) {
            throw malformed(SYNTAX);
        }
        if (root.has("Id") && !root.get("Id").isTextual()) {
            throw malformed(SYNTAX);
        }
        JsonNode statement = root.get("Statement");
        if (statement == null || raw.isEmpty() || (!statementIsList && !statement.isObject())) {
            throw malformed(SYNTAX);
        }
        for (Raw r : raw) {
            statementGrammar(r.node(), kind);
        }
    }

    private static void statementGrammar(JsonNode s, PolicyKind kind) {
        if (!s.isObject()) {
            throw malformed(SYNTAX);
        }
        for (Iterator<String> names = s.fieldNames(); names.hasNext(); ) {
            if (!STATEMENT_ELEMENTS.contains(names.next())) {
                throw malformed(SYNTAX);
            }
        }
        if ((s.has("Action") && s.has("NotAction")) || (s.has("Resource") && s.has("NotResource"))
                || (s.has("Principal") && s.has("NotPrincipal"))) {
            throw malformed(SYNTAX);
        }
        JsonNode effect = s.get("Effect");
        if (effect == null || !effect.isTextual()
                || !(effect.textValue().equalsIgnoreCase("Allow") || effect.textValue().equalsIgnoreCase("Deny"))) {
            throw malformed(SYNTAX);
        }
        for (String element : List.of("Action", "NotAction", "Resource", "NotResource")) {
            if (s.has(element) && !stringOrStrings(s.get(element))) {
                throw malformed(SYNTAX);
            }
        }
        if (s.has("Sid") && !s.get("Sid").isTextual()) {
            throw malformed(SYNTAX);
        }
        for (String element : List.of("Principal", "NotPrincipal")) {
            if (s.has(element)) {
                principalGrammar(s.get(element));
            }
        }
        if (s.has("Condition")) {
            JsonNode condition = s.get("Condition");
            if (!condition.isObject()) {
                throw malformed(SYNTAX);
            }
            condition.fields().forEachRemaining(op -> {
                if (!op.getValue().isObject()) {
                    throw malformed(SYNTAX);
                }
                op.getValue().fields().forEachRemaining(key -> {
                    if (!scalarOrScalars(key.getValue())) {
                        throw malformed(SYNTAX);
                    }
                });
                if (ConditionOperator.parse(op.getKey()).isEmpty() && op.getValue().size() > 0) {
                    throw malformed(SYNTAX);
                }
            });
        }
    }

    private static void principalGrammar(JsonNode principal) {
        if (principal.isTextual() && principal.textValue().equals("*")) {
            return;
        }
        if (!principal.isObject() || principal.isEmpty()) {
            throw malformed(SYNTAX);
        }
        principal.fields().forEachRemaining(e -> {
            if (!Set.of("AWS", "Service", "Federated", "CanonicalUser").contains(e.getKey())
                    || !stringOrStrings(e.getValue())) {
                throw malformed(SYNTAX);
            }
        });
    }

    private static Statement statement(Raw r) {
        JsonNode s = r.node();
        // IAM's grammar takes Effect in any case, but its "legacy parse" wants it exactly Allow or Deny.
        String effectText = s.get("Effect").textValue();
        if (!effectText.equals("Allow") && !effectText.equals("Deny")) {
            throw malformed("The policy failed legacy parsing");
        }
        ElementList actions = s.has("Action") ? new ElementList(strings(s.get("Action")), false)
                : s.has("NotAction") ? new ElementList(strings(s.get("NotAction")), true) : new ElementList(List.of(), false);
        ElementList resources = s.has("Resource") ? new ElementList(strings(s.get("Resource")), false)
                : s.has("NotResource") ? new ElementList(strings(s.get("NotResource")), true) : null;
        PrincipalElement principals = s.has("Principal") ? principal(s.get("Principal"), false)
                : s.has("NotPrincipal") ? principal(s.get("NotPrincipal"), true) : null;
        List<ConditionClause> conditions = new ArrayList<>();
        if (s.has("Condition")) {
            s.get("Condition").fields().forEachRemaining(op -> {
                ConditionOperator operator = ConditionOperator.parse(op.getKey()).orElse(null);
                op.getValue().fields().forEachRemaining(key ->
                        conditions.add(new ConditionClause(operator, key.getKey(), scalars(key.getValue()))));
            });
        }
        return new Statement(s.has("Sid") ? s.get("Sid").textValue() : null,
                effectText.equals("Allow") ? Effect.ALLOW : Effect.DENY, actions, resources, principals, conditions,
                r.start(), r.end());
    }

    private static PrincipalElement principal(JsonNode node, boolean negated) {
        if (node.isTextual()) {
            return new PrincipalElement(true, Map.of(), negated);
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> byType.put(e.getKey(), strings(e.getValue())));
        return new PrincipalElement(false, byType, negated);
    }

    /** IAM's resource format check: "*" or something shaped like an ARN in the aws partition. */
    private static void resourceFormat(String resource) {
        if (resource.equals("*")) {
            return;
        }
        int colon = resource.indexOf(':');
        if (colon < 0) {
            throw malformed("Resource " + resource + " must be in ARN format or \"*\".");
        }
        String[] parts = resource.split(":", 6);
        if (parts.length < 3 || parts[2].isEmpty()) {
            throw malformed("Resource vendor must be fully qualified and cannot contain regexes.");
        }
        if (!parts[1].equals("aws") && !parts[1].equals("*")) {
            throw malformed("Partition \"" + parts[1] + "\" is not valid for resource \"" + resource + "\".");
        }
        if (parts.length >= 4 && parts[2].equals("s3") && !parts[3].isEmpty()) {
            throw malformed("Resource " + resource + " can not contain region information.");
        }
        if (parts.length >= 4 && parts[2].equals("iam") && !parts[3].isEmpty()) {
            throw malformed("IAM resource " + resource + " cannot contain region information.");
        }
    }

    private static void actionFormat(String action) {
        if (action.equals("*")) {
            return;
        }
        String[] parts = action.split(":", -1);
        if (parts.length == 1) {
            throw malformed("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        }
        if (parts.length > 2) {
            throw malformed("Actions/Condition can contain only one colon.");
        }
        if (!VENDOR.matcher(parts[0]).matches()) {
            throw malformed("Vendor " + parts[0] + " is not valid");
        }
    }

    private static boolean emptyOrAbsent(JsonNode s, String element) {
        JsonNode value = s.get(element);
        return value == null || (value.isArray() && value.isEmpty());
    }

    private static boolean stringOrStrings(JsonNode node) {
        if (node.isTextual()) {
            return true;
        }
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Condition values: strings, and the booleans and numbers IAM also takes (e.g. {@code "aws:SecureTransport": false}). */
    private static boolean scalarOrScalars(JsonNode node) {
        if (node.isValueNode() && !node.isNull()) {
            return true;
        }
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isValueNode() || item.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    private static List<String> scalars(JsonNode node) {
        return strings(node);
    }

    private static MalformedPolicyException invalidJson() {
        return malformed("This policy contains invalid Json");
    }

    private static MalformedPolicyException malformed(String message) {
        return new MalformedPolicyException(message);
    }
}
