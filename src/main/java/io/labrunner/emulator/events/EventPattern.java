package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An EventBridge event pattern, compiled once: AWS's full syntax (literals, arrays as OR, nested objects,
 * {@code prefix}, {@code suffix}, {@code anything-but}, {@code numeric}, {@code exists}, {@code equals-ignore-case},
 * {@code wildcard}, {@code cidr}, {@code $or}), matched against events as AWS does. Fields are compared by their
 * dotted paths; an array in the event matches when one of its elements does, and the fields a pattern names inside
 * an array of objects must come from the same element (Event Ruler's "array consistency").
 */
public final class EventPattern {
    private final List<Map<String, List<ValueMatcher>>> alternatives;

    private EventPattern(List<Map<String, List<ValueMatcher>>> alternatives) {
        this.alternatives = alternatives;
    }

    /**
     * @throws io.labrunner.emulator.AwsException InvalidEventPatternException in AWS's words
     */
    public static EventPattern parse(String json) {
        try {
            return new EventPattern(PatternCompiler.compile(json));
        } catch (PatternCompiler.InvalidPatternException e) {
            throw EventsErrors.invalidPattern(e.getMessage());
        }
    }

    /** True when {@code event} (a JSON object) matches the pattern. */
    public boolean matches(JsonNode event) {
        Map<String, List<Leaf>> leaves = new HashMap<>();
        flatten(event, "", new int[0], new int[0], leaves, new int[] {0});
        for (Map<String, List<ValueMatcher>> rule : alternatives) {
            if (matches(new ArrayList<>(rule.entrySet()), 0, leaves, new HashMap<>())) {
                return true;
            }
        }
        return false;
    }

    /** Field by field, choosing for each a matching leaf whose array positions agree with those already chosen. */
    private static boolean matches(List<Map.Entry<String, List<ValueMatcher>>> fields, int index,
            Map<String, List<Leaf>> leaves, Map<Integer, Integer> chosen) {
        if (index == fields.size()) {
            return true;
        }
        Map.Entry<String, List<ValueMatcher>> field = fields.get(index);
        List<Leaf> candidates = leaves.getOrDefault(field.getKey(), List.of());
        List<ValueMatcher> matchers = field.getValue();
        if (candidates.isEmpty()) {
            return matchers.stream().anyMatch(m -> m instanceof ValueMatcher.Exists e && !e.present())
                    && matches(fields, index + 1, leaves, chosen);
        }
        for (Leaf leaf : candidates) {
            if (!leaf.consistentWith(chosen) || matchers.stream().noneMatch(m -> valueMatches(m, leaf.value()))) {
                continue;
            }
            Map<Integer, Integer> next = new HashMap<>(chosen);
            leaf.record(next);
            if (matches(fields, index + 1, leaves, next)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueMatches(ValueMatcher matcher, JsonNode value) {
        if (matcher instanceof ValueMatcher.Exists exists) {
            return exists.present();
        }
        return matcher.matches(value);
    }

    private static void flatten(JsonNode node, String path, int[] arrays, int[] positions,
            Map<String, List<Leaf>> leaves, int[] nextArrayId) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey()
                    : path + "." + e.getKey(), arrays, positions, leaves, nextArrayId));
        } else if (node.isArray()) {
            int id = nextArrayId[0]++;
            int[] withArray = java.util.Arrays.copyOf(arrays, arrays.length + 1);
            withArray[arrays.length] = id;
            for (int i = 0; i < node.size(); i++) {
                int[] withPosition = java.util.Arrays.copyOf(positions, positions.length + 1);
                withPosition[positions.length] = i;
                flatten(node.get(i), path, withArray, withPosition, leaves, nextArrayId);
            }
        } else {
            leaves.computeIfAbsent(path, p -> new ArrayList<>()).add(new Leaf(node, arrays, positions));
        }
    }

    /** A value of the event, with the arrays it sits in and its position in each. */
    private record Leaf(JsonNode value, int[] arrays, int[] positions) {
        boolean consistentWith(Map<Integer, Integer> chosen) {
            for (int i = 0; i < arrays.length; i++) {
                Integer position = chosen.get(arrays[i]);
                if (position != null && position != positions[i]) {
                    return false;
                }
            }
            return true;
        }

        void record(Map<Integer, Integer> chosen) {
            for (int i = 0; i < arrays.length; i++) {
                chosen.put(arrays[i], positions[i]);
            }
        }
    }
}
