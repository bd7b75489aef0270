package io.labrunner.emulator.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * ListSecrets' filters, as the model documents them: prefix matches, case-sensitive except for {@code description}
 * and {@code all}; a value starting {@code !} negates; every filter must hold, any value of one filter may match.
 */
final class SecretFilters {
    private SecretFilters() {
    }

    static boolean matches(JsonNode filters, Secret secret) {
        for (JsonNode filter : filters) {
            String key = filter.path("Key").asText();
            boolean any = false;
            for (JsonNode v : filter.path("Values")) {
                String value = v.asText();
                boolean negated = value.startsWith("!");
                String wanted = negated ? value.substring(1) : value;
                if (matches(key, wanted, secret) != negated) {
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String key, String wanted, Secret secret) {
        return switch (key) {
            case "name" -> secret.name().startsWith(wanted);
            case "description" -> secret.description() != null
                    && lower(secret.description()).startsWith(lower(wanted));
            case "tag-key" -> secret.tags().keySet().stream().anyMatch(k -> k.startsWith(wanted));
            case "tag-value" -> secret.tags().values().stream().anyMatch(v -> v.startsWith(wanted));
            case "primary-region" -> secret.region().startsWith(wanted);
            case "all" -> lower(secret.name()).contains(lower(wanted))
                    || secret.description() != null && lower(secret.description()).contains(lower(wanted))
                    || secret.tags().entrySet().stream().anyMatch(e -> lower(e.getKey()).contains(lower(wanted))
                            || lower(e.getValue()).contains(lower(wanted)));
            default -> false;
        };
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
