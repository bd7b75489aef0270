package io.labrunner.emulator.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * A resource-based policy's Principal or NotPrincipal: {@code "*"} (everyone), or principals by type
 * ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}).
 *
 * @param everyone true for {@code "Principal": "*"}
 * @param byType   principal type to its values, as written
 * @param negated  true for NotPrincipal
 */
public record PrincipalElement(boolean everyone, Map<String, List<String>> byType, boolean negated) {
    public PrincipalElement {
        byType = Map.copyOf(byType);
    }
}
