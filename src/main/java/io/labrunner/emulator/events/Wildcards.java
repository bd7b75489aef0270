package io.labrunner.emulator.events;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The {@code wildcard} operator's patterns: {@code *} matches any characters, {@code \*} and {@code \\} escape. */
final class Wildcards {
    private Wildcards() {
    }

    /**
     * Compiles {@code text}, refusing what Event Ruler's wildcard parser refuses, with its positions: byte offsets
     * in the value as quoted JSON text (so the first character is at 1).
     */
    static ValueMatcher.Wildcard compile(String text) {
        byte[] quoted = ('"' + text + '"').getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < quoted.length; i++) {
            if (quoted[i] == '*' && i + 1 < quoted.length && quoted[i + 1] == '*') {
                throw new IllegalArgumentException("Consecutive wildcard characters at pos " + i);
            }
            if (quoted[i] == '\\') {
                if (i + 1 < quoted.length && (quoted[i + 1] == '*' || quoted[i + 1] == '\\')) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("Invalid escape character at pos " + i);
            }
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                literal.append(text.charAt(++i));
            } else if (c == '*') {
                flush(regex, literal);
                regex.append(".*");
            } else {
                literal.append(c);
            }
        }
        flush(regex, literal);
        return new ValueMatcher.Wildcard(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
