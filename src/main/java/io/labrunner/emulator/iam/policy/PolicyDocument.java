package io.labrunner.emulator.iam.policy;

import java.util.List;

/**
 * A parsed policy document.
 *
 * @param version    the Version element, or null when absent (policy variables work only in 2012-10-17)
 * @param id         the Id element, or null
 * @param statements the statements, in document order
 * @param text       the document as written, which statement positions refer to
 */
public record PolicyDocument(String version, String id, List<Statement> statements, String text) {
    /** The version in which policy variables are substituted; earlier documents read {@code ${...}} literally. */
    public static final String CURRENT_VERSION = "2012-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Parses and checks {@code text} as IAM does for a policy of this kind. */
    public static PolicyDocument parse(String text, PolicyKind kind) {
        return PolicyParser.parse(text, kind);
    }

    public boolean substitutesVariables() {
        return CURRENT_VERSION.equals(version);
    }
}
