package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.labrunner.emulator.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a target receives for an event, as the EventBridge user guide ("Transforming target input") describes it:
 * the event itself; the target's constant {@code Input}; the part of the event its {@code InputPath} selects; or
 * its {@code InputTransformer}'s template with each {@code <name>} replaced by the value its path selects (as JSON
 * outside quotes, as text inside them), besides the predefined {@code <aws.events.*>} variables.
 */
final class TargetInput {
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
            .mappingProvider(new JacksonMappingProvider(Json.mapper()))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");

    private TargetInput() {
    }

    /** The payload for {@code target} (a Target as PutTargets took it) of an event that matched {@code rule}. */
    static String of(JsonNode target, JsonNode event, String ruleName, String ruleArn) {
        if (target.hasNonNull("Input")) {
            return target.get("Input").asText();
        }
        if (target.hasNonNull("InputPath")) {
            JsonNode selected = read(event, target.get("InputPath").asText());
            return selected == null ? "null" : selected.toString();
        }
        if (target.hasNonNull("InputTransformer")) {
            return transform(target.get("InputTransformer"), event, ruleName, ruleArn);
        }
        return event.toString();
    }

    static void checkPath(String path, String member) {
        try {
            if (!path.startsWith("$")) {
                throw new IllegalArgumentException();
            }
            JsonPath.compile(path);
        } catch (RuntimeException e) {
            throw EventsErrors.validation(member + " is not valid: " + path + " is not a valid JSON path.");
        }
    }

    static void checkTransformer(JsonNode transformer) {
        JsonNode paths = transformer.path("InputPathsMap");
        paths.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("aws.")) {
                throw EventsErrors.validation("Input template key cannot start with reserved word 'aws.'.");
            }
            checkPath(e.getValue().asText(), "InputPathsMap");
        });
    }

    private static String transform(JsonNode transformer, JsonNode event, String ruleName, String ruleArn) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        transformer.path("InputPathsMap").fields().forEachRemaining(e ->
                values.put(e.getKey(), read(event, e.getValue().asText())));
        values.put("aws.events.rule-arn", Json.mapper().getNodeFactory().textNode(ruleArn));
        values.put("aws.events.rule-name", Json.mapper().getNodeFactory().textNode(ruleName));
        values.put("aws.events.event.ingestion-time", event.path("time"));
        values.put("aws.events.event", event);
        values.put("aws.events.event.json", event);
        String template = transformer.path("InputTemplate").asText();
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            last = m.end();
            String name = m.group(1);
            if (!values.containsKey(name)) {
                out.append(m.group());
                continue;
            }
            JsonNode value = values.get(name);
            if (insideQuotes(template, m.start())) {
                String text = value == null || value.isNull() || value.isMissingNode() ? ""
                        : value.isTextual() ? value.textValue() : value.toString();
                String escaped = Json.mapper().getNodeFactory().textNode(text).toString();
                out.append(escaped, 1, escaped.length() - 1);
            } else {
                out.append(value == null || value.isMissingNode() ? "null" : value.toString());
            }
        }
        out.append(template.substring(last));
        return out.toString();
    }

    /** True when {@code index} lies inside a JSON string of the template (an odd number of unescaped quotes before). */
    private static boolean insideQuotes(String template, int index) {
        boolean inside = false;
        for (int i = 0; i < index; i++) {
            char c = template.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The value at {@code path} in the event, or null when nothing is there. */
    static JsonNode read(JsonNode event, String path) {
        try {
            Object found = JsonPath.using(JACKSON).parse(event).read(path);
            return found instanceof JsonNode node ? node : found == null ? null : Json.mapper().valueToTree(found);
        } catch (PathNotFoundException e) {
            return null;
        }
    }
}
