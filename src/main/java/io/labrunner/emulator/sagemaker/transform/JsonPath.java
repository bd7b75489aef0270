package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The subset of JSONPath that Batch Transform's InputFilter and OutputFilter accept (SageMaker developer
 * guide, "Associate Prediction Results with Input Records", Supported JSONPath Operators): {@code $},
 * {@code .name}, {@code *}, {@code ['a','b']}, {@code [1]}, {@code [1,3,-1]} and slices {@code [2:5]},
 * {@code [:5]}, {@code [2:]}. A CSV record is filtered as a JSON array of its columns.
 *
 * <p>Slices include their end: the guide's {@code $[1:4]} is "the second through fifth columns" and
 * {@code [:5]} runs "from the first column (index 0) through the sixth column".
 */
final class JsonPath {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final List<Segment> segments;

    private JsonPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming what is wrong, for an expression outside the subset
     */
    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("it must start with $");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                i++;
                continue;
            }
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("an empty name follows a dot at position " + i);
                }
                segments.add(name.equals("*") ? new Wildcard() : new Names(List.of(name), true));
                i = end;
            } else if (c == '[') {
                int end = closing(text, i);
                segments.add(selector(text.substring(i + 1, end).trim()));
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
            }
        }
        return new JsonPath(text, List.copyOf(segments));
    }

    /** True for {@code $} alone, which selects the whole record. */
    boolean isRoot() {
        return segments.isEmpty();
    }

    /**
     * The part of {@code root} this path selects.
     *
     * @throws IllegalArgumentException when the record has no such part
     */
    JsonNode select(JsonNode root) {
        JsonNode node = root;
        for (Segment segment : segments) {
            node = segment.apply(node);
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }

    private static int closing(String text, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("the [ at position " + open + " is not closed");
    }

    private static Segment selector(String inside) {
        if (inside.equals("*")) {
            return new Wildcard();
        }
        if (inside.startsWith("'")) {
            List<String> names = new ArrayList<>();
            for (String part : inside.split(",")) {
                String name = part.trim();
                if (name.length() < 2 || !name.startsWith("'") || !name.endsWith("'")) {
                    throw new IllegalArgumentException("[" + inside + "] mixes quoted names with other selectors");
                }
                names.add(name.substring(1, name.length() - 1));
            }
            return new Names(names, names.size() == 1);
        }
        int colon = inside.indexOf(':');
        if (colon >= 0) {
            return new Slice(bound(inside.substring(0, colon)), bound(inside.substring(colon + 1)));
        }
        List<Integer> indexes = new ArrayList<>();
        for (String part : inside.split(",")) {
            indexes.add(index(part.trim()));
        }
        return new Indexes(indexes);
    }

    private static Integer bound(String text) {
        return text.isBlank() ? null : index(text.trim());
    }

    private static int index(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an index");
        }
    }

    private interface Segment {
        JsonNode apply(JsonNode node);
    }

    /** {@code .name} or {@code ['a','b']}: one child, or an object of the named children. */
    private record Names(List<String> names, boolean single) implements Segment {
        @Override
        public JsonNode apply(JsonNode node) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("the record is not a JSON object, so it has no '" + names.get(0) + "'");
            }
            if (single) {
                JsonNode child = node.get(names.get(0));
                if (child == null) {
                    throw new IllegalArgumentException("the record has no attribute '" + names.get(0) + "'");
                }
                return child;
            }
            ObjectNode picked = NODES.objectNode();
            for (String name : names) {
                if (node.has(name)) {
                    picked.set(name, node.get(name));
                }
            }
            return picked;
        }
    }

    /** {@code *}: every child, as an array. */
    private record Wildcard() implements Segment {
        @Override
        public JsonNode apply(JsonNode node) {
            ArrayNode all = NODES.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                all.add(it.next());
            }
            return all;
        }
    }

    /** {@code [1]} (one element) or {@code [1,3,-1]} (an array of them); negative indexes count from the end. */
    private record Indexes(List<Integer> indexes) implements Segment {
        @Override
        public JsonNode apply(JsonNode node) {
            if (!node.isArray()) {
                throw new IllegalArgumentException("the record is not an array, so it has no index " + indexes.get(0));
            }
            if (indexes.size() == 1) {
                return element(node, indexes.get(0));
            }
            ArrayNode picked = NODES.arrayNode();
            indexes.forEach(i -> picked.add(element(node, i)));
            return picked;
        }

        private static JsonNode element(JsonNode array, int index) {
            int at = index < 0 ? array.size() + index : index;
            if (at < 0 || at >= array.size()) {
                throw new IllegalArgumentException("index " + index + " is outside the record's " + array.size()
                        + " elements");
            }
            return array.get(at);
        }
    }

    /** {@code [start:end]}, both ends included; an omitted start is the first element, an omitted end the last. */
    private record Slice(Integer start, Integer end) implements Segment {
        @Override
        public JsonNode apply(JsonNode node) {
            if (!node.isArray()) {
                throw new IllegalArgumentException("the record is not an array, so it cannot be sliced");
            }
            int size = node.size();
            int from = start == null ? 0 : Math.max(0, start < 0 ? size + start : start);
            int to = end == null ? size - 1 : Math.min(size - 1, end < 0 ? size + end : end);
            ArrayNode picked = NODES.arrayNode();
            for (int i = from; i <= to; i++) {
                picked.add(node.get(i));
            }
            return picked;
        }
    }
}
