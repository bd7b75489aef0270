package io.labrunner.emulator.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One REST operation's place: its method and the model's {@code requestUri} template, matched against a
 * request's decoded path. A label ({@code {modelId}}) takes one path segment; a greedy label
 * ({@code {key+}}) takes the rest. Literal query parts ({@code ?tagging}, {@code ?x=y}) must be present too.
 *
 * <p>The emulator sees the path decoded, so a label value that held an encoded {@code /} (a model named by its
 * ARN, {@code arn:aws:bedrock:...:foundation-model/amazon.titan...}) arrives split across segments. A route
 * therefore also has a lax form, in which every label may span segments; {@link RestRouter} tries it only when
 * no route matches segment by segment.
 */
record RestRoute(String service, Operation operation, String method, String literalPrefix, Pattern strict, Pattern lax,
        List<String> labels, Map<String, String> literalQuery, int literalLength) {

    private static final Pattern LABEL = Pattern.compile("\\{([^}+]+)(\\+?)}");

    static RestRoute of(String service, Operation operation) {
        HttpBinding http = operation.http();
        String uri = http.requestUri();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        Map<String, String> literalQuery = new LinkedHashMap<>();
        if (question >= 0) {
            for (String part : uri.substring(question + 1).split("&")) {
                if (!part.isEmpty()) {
                    int eq = part.indexOf('=');
                    literalQuery.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? null : part.substring(eq + 1));
                }
            }
        }
        int firstLabel = path.indexOf('{');
        String literalPrefix = firstLabel < 0 ? path : path.substring(0, firstLabel);
        StringBuilder strict = new StringBuilder();
        StringBuilder lax = new StringBuilder();
        List<String> labels = new ArrayList<>();
        Matcher m = LABEL.matcher(path);
        int last = 0;
        int literal = 0;
        while (m.find()) {
            String text = path.substring(last, m.start());
            strict.append(Pattern.quote(text));
            lax.append(Pattern.quote(text));
            literal += text.length();
            labels.add(m.group(1));
            boolean greedy = !m.group(2).isEmpty();
            strict.append(greedy ? "(.+)" : "([^/]+)");
            lax.append("(.+)");
            last = m.end();
        }
        String tail = path.substring(last);
        literal += tail.length();
        strict.append(Pattern.quote(tail));
        lax.append(Pattern.quote(tail));
        // A trailing slash is optional on the wire (SDKs drop it for a template ending in a label).
        return new RestRoute(service, operation, http.method(), literalPrefix, Pattern.compile(strict + "/?"),
                Pattern.compile(lax + "/?"), List.copyOf(labels), literalQuery, literal);
    }

    /** The label values when {@code path} fits this route ({@code lax}: labels may span segments). */
    Optional<Map<String, String>> match(String path, Map<String, List<String>> query, boolean laxly) {
        if (!path.startsWith(literalPrefix)) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> literal : literalQuery.entrySet()) {
            List<String> values = query.get(literal.getKey());
            if (values == null || literal.getValue() != null && !values.contains(literal.getValue())) {
                return Optional.empty();
            }
        }
        Matcher m = (laxly ? lax : strict).matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            values.put(labels.get(i), m.group(i + 1));
        }
        return Optional.of(values);
    }

    /** How specific the route is: more literal characters and literal query parts win over fewer. */
    int specificity() {
        return literalLength * 10 + literalQuery.size();
    }
}
