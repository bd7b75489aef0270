package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads IAM policy documents: syntax checks and the one trust question other services ask. */
public final class TrustPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustPolicy() {
    }

    /**
     * Checks a policy document the way IAM does at the API, throwing MalformedPolicyDocument.
     *
     * @return the parsed document
     */
    static JsonNode parse(String document) {
        JsonNode node;
        try {
            node = JSON.readTree(document);
        } catch (IOException | RuntimeException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw IamErrors.malformedPolicy("This policy contains invalid Json");
        }
        JsonNode statement = node.get("Statement");
        if (statement == null || !(statement.isArray() || statement.isObject())) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        for (JsonNode s : asList(statement)) {
            String effect = s.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw IamErrors.malformedPolicy("Syntax errors in policy.");
            }
            if (!s.has("Action") && !s.has("NotAction")) {
                throw IamErrors.malformedPolicy("Syntax errors in policy.");
            }
        }
        return node;
    }

    /** True when some Allow statement names the service principal and an action covering sts:AssumeRole. */
    public static boolean allowsService(String document, String servicePrincipal) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            return false;
        }
        if (root == null) {
            return false;
        }
        boolean allowed = false;
        for (JsonNode s : asList(root.path("Statement"))) {
            boolean names = asList(s.path("Principal").path("Service")).stream()
                    .anyMatch(p -> p.asText().equalsIgnoreCase(servicePrincipal))
                    || s.path("Principal").asText("").equals("*");
            boolean action = asList(s.path("Action")).stream().map(JsonNode::asText)
                    .anyMatch(a -> a.equalsIgnoreCase("sts:AssumeRole") || a.equals("sts:*") || a.equals("*"));
            if (names && action) {
                if (s.path("Effect").asText().equals("Deny")) {
                    return false;
                }
                allowed |= s.path("Effect").asText().equals("Allow");
            }
        }
        return allowed;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            list.add(node);
        }
        return list;
    }
}
