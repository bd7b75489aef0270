package io.labrunner.emulator.glue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code Expression} of GetPartitions: a SQL WHERE fragment over partition keys
 * ({@code year = '2024' AND month IN ('01','02')}); supports =, <>, !=, <, <=, >, >=, IN, BETWEEN,
 * AND, OR, NOT and parentheses. Values compare as numbers when both sides are numbers.
 * https://docs.aws.amazon.com/glue/latest/webapi/API_GetPartitions.html
 */
final class PartitionFilter {
    private final List<String> tokens;
    private final List<String> keys;
    private int pos;

    private PartitionFilter(String expression, List<String> keys) {
        this.tokens = tokenize(expression);
        this.keys = keys;
    }

    /** Compiles the expression against the table's partition key names. */
    static Predicate<List<String>> compile(String expression, List<String> keys) {
        if (expression == null || expression.isBlank()) {
            return values -> true;
        }
        PartitionFilter parser = new PartitionFilter(expression, keys);
        Predicate<List<String>> p = parser.or();
        if (parser.pos != parser.tokens.size()) {
            throw GlueErrors.invalidInput("Unsupported expression '" + expression + "'");
        }
        return p;
    }

    private Predicate<List<String>> or() {
        Predicate<List<String>> left = and();
        while (peekWord("OR")) {
            pos++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<List<String>> and() {
        Predicate<List<String>> left = factor();
        while (peekWord("AND")) {
            pos++;
            left = left.and(factor());
        }
        return left;
    }

    private Predicate<List<String>> factor() {
        if (peekWord("NOT")) {
            pos++;
            return factor().negate();
        }
        if (peek("(")) {
            pos++;
            Predicate<List<String>> inner = or();
            expect(")");
            return inner;
        }
        int key = keys.indexOf(next().replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT));
        if (key < 0) {
            throw GlueErrors.invalidInput("Unknown column in partition filter expression");
        }
        String op = next().toUpperCase(Locale.ROOT);
        switch (op) {
            case "IN": {
                expect("(");
                List<String> options = new ArrayList<>();
                do {
                    options.add(literal(next()));
                } while (peek(",") && pos++ >= 0);
                expect(")");
                return v -> options.stream().anyMatch(o -> compare(v.get(key), o) == 0);
            }
            case "BETWEEN": {
                String low = literal(next());
                if (!peekWord("AND")) {
                    throw GlueErrors.invalidInput("BETWEEN needs AND");
                }
                pos++;
                String high = literal(next());
                return v -> compare(v.get(key), low) >= 0 && compare(v.get(key), high) <= 0;
            }
            default: {
                String value = literal(next());
                return v -> test(op, compare(v.get(key), value));
            }
        }
    }

    private static boolean test(String op, int c) {
        switch (op) {
            case "=": return c == 0;
            case "<>": case "!=": return c != 0;
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            case ">=": return c >= 0;
            default: throw GlueErrors.invalidInput("Unsupported operator " + op);
        }
    }

    private static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static String literal(String token) {
        if (token.length() >= 2 && token.startsWith("'") && token.endsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        return token;
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    private boolean peekWord(String word) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw GlueErrors.invalidInput("Incomplete partition filter expression");
        }
        return tokens.get(pos++);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw GlueErrors.invalidInput("Expected " + token + " in partition filter expression");
        }
        pos++;
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < s.length() && (s.charAt(j) != '\'' || (j + 1 < s.length() && s.charAt(j + 1) == '\''))) {
                    j += s.charAt(j) == '\'' ? 2 : 1;
                }
                out.add(s.substring(i, Math.min(j + 1, s.length())));
                i = j + 1;
            } else if ("(),".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if ("<>=!".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < s.length() && "<>=".indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "(),<>=!'".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
