package io.labrunner.emulator.iam.policy;

import java.util.List;
import java.util.Set;

/**
 * Substitutes policy variables into a Resource or condition value (IAM User Guide, "IAM policy elements:
 * Variables and tags"): {@code ${aws:username}} and any other context key, with an optional default
 * ({@code ${aws:username, 'guest'}}), and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for the
 * literal characters. A key the request lacks, with no default, leaves the value unmatched; the key is
 * reported missing.
 */
final class PolicyVariables {
    private PolicyVariables() {
    }

    static boolean has(String text) {
        return text.contains("${");
    }

    /** The value with its variables replaced, as a pattern whose substituted characters are literal; null when a key is missing. */
    static Glob substitute(String text, RequestContext request, Set<String> missing) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder literal = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (open < 0 || close < 0) {
                append(out, literal, text.substring(i), false);
                break;
            }
            append(out, literal, text.substring(i, open), false);
            String value = resolve(text.substring(open + 2, close).trim(), request, missing);
            if (value == null) {
                return null;
            }
            append(out, literal, value, true);
            i = close + 1;
        }
        boolean[] mask = new boolean[literal.length()];
        for (int k = 0; k < mask.length; k++) {
            mask[k] = literal.charAt(k) == 'L';
        }
        return Glob.of(out.toString(), mask);
    }

    /** The text with its variables replaced, for comparisons that take no wildcards; null when a key is missing. */
    static String substituteText(String text, RequestContext request, Set<String> missing) {
        if (!has(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            String value = resolve(text.substring(open + 2, close).trim(), request, missing);
            if (value == null) {
                return null;
            }
            out.append(value);
            i = close + 1;
        }
        return out.toString();
    }

    private static String resolve(String variable, RequestContext request, Set<String> missing) {
        switch (variable) {
            case "*":
                return "*";
            case "?":
                return "?";
            case "$":
                return "$";
            default:
                break;
        }
        String key = variable;
        String fallback = null;
        int comma = variable.indexOf(',');
        if (comma >= 0) {
            key = variable.substring(0, comma).trim();
            String rest = variable.substring(comma + 1).trim();
            if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
                fallback = rest.substring(1, rest.length() - 1);
            }
        }
        List<String> values = request.values(key);
        if (values != null && values.size() == 1) {
            return values.get(0);
        }
        if (fallback != null) {
            return fallback;
        }
        missing.add(key);
        return null;
    }

    private static void append(StringBuilder out, StringBuilder literal, String text, boolean isLiteral) {
        out.append(text);
        for (int k = 0; k < text.length(); k++) {
            literal.append(isLiteral ? 'L' : 'W');
        }
    }
}
