package io.labrunner.emulator.iam.policy;

/**
 * A pattern with IAM's two wildcards: {@code *} (any run of characters, also none) and {@code ?} (exactly
 * one). Characters that came from a policy variable ({@code ${*}}, or a substituted value) are literal even
 * when they are {@code *} or {@code ?}.
 */
final class Glob {
    private final char[] chars;
    /** Null when no character is literal. */
    private final boolean[] literal;

    private Glob(char[] chars, boolean[] literal) {
        this.chars = chars;
        this.literal = literal;
    }

    static Glob of(String pattern) {
        return new Glob(pattern.toCharArray(), null);
    }

    /** A pattern of which the characters flagged in {@code literal} match only themselves. */
    static Glob of(String pattern, boolean[] literal) {
        return new Glob(pattern.toCharArray(), literal);
    }

    Glob lowerCase() {
        return new Glob(new String(chars).toLowerCase(java.util.Locale.ROOT).toCharArray(), literal);
    }

    boolean matches(String value) {
        int p = 0;
        int s = 0;
        int star = -1;
        int mark = 0;
        int n = value.length();
        int m = chars.length;
        while (s < n) {
            if (p < m && chars[p] == '*' && !isLiteral(p)) {
                star = p++;
                mark = s;
            } else if (p < m && ((chars[p] == '?' && !isLiteral(p)) || chars[p] == value.charAt(s))) {
                p++;
                s++;
            } else if (star >= 0) {
                p = star + 1;
                s = ++mark;
            } else {
                return false;
            }
        }
        while (p < m && chars[p] == '*' && !isLiteral(p)) {
            p++;
        }
        return p == m;
    }

    private boolean isLiteral(int i) {
        return literal != null && literal[i];
    }
}
