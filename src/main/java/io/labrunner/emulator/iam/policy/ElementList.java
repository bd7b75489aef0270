package io.labrunner.emulator.iam.policy;

import java.util.List;

/**
 * The values of Action / NotAction, Resource / NotResource: one or more patterns, and whether the
 * element was the {@code Not} form (which matches everything the patterns do not).
 */
public record ElementList(List<String> values, boolean negated) {
    public ElementList {
        values = List.copyOf(values);
    }
}
