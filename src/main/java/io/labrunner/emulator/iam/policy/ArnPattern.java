package io.labrunner.emulator.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Resource (or Arn-condition) value matched against an ARN the way IAM does: case-sensitively, each of
 * the six colon-delimited parts on its own — wildcards in the partition, service, region or account stay
 * inside their part, while the resource part may span further colons and slashes (IAM User Guide, "ARN
 * condition operators"). A value that is not six parts (such as {@code *}) is matched as a whole.
 */
final class ArnPattern {
    private final String text;
    /** The six parts, or one part when the value is not ARN-shaped. */
    private final List<String> parts;
    /** Compiled parts, null where the part holds a policy variable (compiled per request). */
    private final Glob[] globs;
    private final boolean substitutes;

    ArnPattern(String text, boolean substitutesVariables) {
        this.text = text;
        List<String> split = split(text);
        this.parts = split.size() == 6 ? split : List.of(text);
        this.substitutes = substitutesVariables;
        this.globs = new Glob[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            if (!substitutes || !PolicyVariables.has(parts.get(i))) {
                globs[i] = Glob.of(parts.get(i));
            }
        }
    }

    String text() {
        return text;
    }

    boolean matches(RequestContext request, String value, String[] valueParts, Set<String> missing) {
        if (parts.size() == 6 && valueParts.length == 6) {
            for (int i = 0; i < 6; i++) {
                Glob glob = glob(i, request, missing);
                if (glob == null || !glob.matches(valueParts[i])) {
                    return false;
                }
            }
            return true;
        }
        if (parts.size() == 6) {
            Glob whole = substitutes && PolicyVariables.has(text) ? PolicyVariables.substitute(text, request, missing)
                    : Glob.of(text);
            return whole != null && whole.matches(value);
        }
        Glob glob = glob(0, request, missing);
        return glob != null && glob.matches(value);
    }

    private Glob glob(int i, RequestContext request, Set<String> missing) {
        return globs[i] != null ? globs[i] : PolicyVariables.substitute(parts.get(i), request, missing);
    }

    /** Splits on the first five colons that are not inside a {@code ${...}} variable. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>(6);
        int start = 0;
        int depth = 0;
        for (int i = 0; i < text.length() && parts.size() < 5; i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
