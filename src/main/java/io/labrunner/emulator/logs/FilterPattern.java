package io.labrunner.emulator.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A filter pattern for unstructured events, per CloudWatch Logs' "Filter pattern syntax": terms
 * separated by spaces must all appear (case-sensitive); a term in double quotes is an exact phrase;
 * {@code ?term ?term} matches events holding any of them; {@code -term} excludes events holding it;
 * {@code %regex%} matches a regular expression; an empty pattern matches every event. JSON
 * ({@code { $.x = 1 }}) and space-delimited ({@code [a, b]}) patterns are refused as not supported here.
 */
final class FilterPattern {
    private final List<String> required;
    private final List<String> anyOf;
    private final List<String> excluded;
    private final List<Pattern> regexes;

    private FilterPattern(List<String> required, List<String> anyOf, List<String> excluded, List<Pattern> regexes) {
        this.required = required;
        this.anyOf = anyOf;
        this.excluded = excluded;
        this.regexes = regexes;
    }

    static FilterPattern matchAll() {
        return new FilterPattern(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * @throws io.labrunner.emulator.AwsException InvalidParameterException for a pattern that does not
     *         parse, or one in a syntax this emulator does not evaluate
     */
    static FilterPattern parse(String text) {
        if (text == null || text.isBlank()) {
            return matchAll();
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            throw LogsErrors.invalidParameter("JSON and space-delimited filter patterns are not supported by the "
                    + "embedded emulator; use terms, \"quoted phrases\", ?alternatives, -exclusions or %regex%.");
        }
        List<String> required = new ArrayList<>();
        List<String> anyOf = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<Pattern> regexes = new ArrayList<>();
        int i = 0;
        while (i < trimmed.length()) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> into = required;
            if (c == '?' || c == '-') {
                into = c == '?' ? anyOf : excluded;
                i++;
                if (i >= trimmed.length()) {
                    throw invalid();
                }
                c = trimmed.charAt(i);
            }
            int end;
            String term;
            if (c == '"') {
                end = trimmed.indexOf('"', i + 1);
                if (end < 0) {
                    throw invalid();
                }
                term = trimmed.substring(i + 1, end);
                end++;
            } else if (c == '%') {
                end = trimmed.indexOf('%', i + 1);
                if (end < 0 || into != required) {
                    throw invalid();
                }
                regexes.add(regex(trimmed.substring(i + 1, end)));
                i = end + 1;
                continue;
            } else {
                end = i;
                while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
                    end++;
                }
                term = trimmed.substring(i, end);
            }
            into.add(term);
            i = end;
        }
        return new FilterPattern(List.copyOf(required), List.copyOf(anyOf), List.copyOf(excluded),
                List.copyOf(regexes));
    }

    private static Pattern regex(String expression) {
        try {
            return Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw invalid();
        }
    }

    private static io.labrunner.emulator.AwsException invalid() {
        return LogsErrors.invalidParameter("Invalid character(s) in term");
    }

    boolean matches(String message) {
        for (String term : required) {
            if (!message.contains(term)) {
                return false;
            }
        }
        for (String term : excluded) {
            if (message.contains(term)) {
                return false;
            }
        }
        for (Pattern regex : regexes) {
            if (!regex.matcher(message).find()) {
                return false;
            }
        }
        return anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains);
    }
}
