package io.labrunner.labs.s3glueathena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a role's trust policy lets a service assume the role, read statement by statement as IAM reads
 * it rather than searched as text: an Allow of {@code sts:AssumeRole} (wildcards count) for the service's
 * principal, and no Deny of it. IAM's simulator cannot answer this one: it simulates callers that are IAM
 * users, never a service principal (SimulateCustomPolicy, CallerArn).
 */
final class ServiceTrust {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer: whether the service may assume the role, and if not, why, in the learner's terms. */
    record Verdict(boolean trusted, String why) {
    }

    private ServiceTrust() {
    }

    static Verdict judge(String trustPolicy, String service) {
        JsonNode document;
        try {
            document = JSON.readTree(trustPolicy);
        } catch (IOException e) {
            return new Verdict(false, "the trust policy is not JSON");
        }
        List<String> allowedFor = new ArrayList<>();
        Optional<String> denied = Optional.empty();
        for (JsonNode statement : list(document.path("Statement"))) {
            boolean assumes = list(statement.path("Action")).stream().anyMatch(a -> matches(a.asText(), "sts:AssumeRole"));
            List<String> services = principals(statement.path("Principal"));
            boolean forService = services.contains("*") || services.contains(service);
            String effect = statement.path("Effect").asText();
            if (assumes && forService && effect.equals("Deny")) {
                denied = Optional.of(statement.path("Sid").asText(""));
            } else if (assumes && effect.equals("Allow")) {
                allowedFor.addAll(services);
            }
        }
        if (denied.isPresent()) {
            return new Verdict(false, "a Deny statement" + (denied.get().isEmpty() ? "" : " (" + denied.get() + ")")
                    + " stops " + service + " from assuming it, and in IAM a Deny wins over every Allow");
        }
        if (allowedFor.contains(service) || allowedFor.contains("*")) {
            return new Verdict(true, "an Allow of sts:AssumeRole names " + service);
        }
        return new Verdict(false, allowedFor.isEmpty() ? "no statement allows sts:AssumeRole to anyone"
                : "it allows sts:AssumeRole only to " + allowedFor.stream().distinct().toList());
    }

    /** The Service principals a statement names ("*" for everyone); AWS and Federated principals are not services. */
    private static List<String> principals(JsonNode principal) {
        List<String> services = new ArrayList<>();
        if (principal.isTextual()) {
            services.add(principal.asText());
        }
        list(principal.path("Service")).forEach(s -> services.add(s.asText()));
        return services;
    }

    /** IAM's action match: case-insensitive, {@code *} and {@code ?} as wildcards. */
    private static boolean matches(String pattern, String action) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }

    /** A policy element that may be one value or an array of them. */
    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node);
        }
        return values;
    }
}
