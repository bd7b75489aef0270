package io.labrunner.emulator.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The States Language's paths over Jackson trees: JSONPath (Jayway's implementation) for reading, and reference
 * paths, the subset that names a single node, for writing a state's result ({@code ResultPath}).
 *
 * <p>As the States Language specifies: a path that names several nodes (wildcards, filters, slices) reads as an
 * array of them; a reference path is {@code $} followed by {@code .name}, {@code ['name']} and {@code [index]}
 * steps only.
 */
public final class JsonPaths {
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
            .mappingProvider(new JacksonMappingProvider(Json.mapper()))
            .build();
    private static final Pattern STEP = Pattern.compile(
            "\\.([^.\\[\\]'\"*@?()]+)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]");
    private static final ConcurrentHashMap<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

    private JsonPaths() {
    }

    /** Whether {@code path} is a JSONPath this implementation can evaluate ({@code $}, {@code $.a[*].b}, ...). */
    public static boolean isPath(String path) {
        if (path == null || !path.startsWith("$")) {
            return false;
        }
        try {
            compile(path);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Whether {@code path} is a reference path: {@code $} and name or index steps only, naming one node. */
    public static boolean isReferencePath(String path) {
        return steps(path).isPresent();
    }

    /**
     * The node {@code path} names in {@code root}; several nodes (an indefinite path) come back as an array.
     *
     * @throws PathMismatch when a definite path names nothing in {@code root}
     */
    public static JsonNode read(JsonNode root, String path) {
        if ("$".equals(path)) {
            return root;
        }
        try {
            JsonPath compiled = compile(path);
            Object value = compiled.read(root, JACKSON);
            return value instanceof JsonNode node ? node : Json.mapper().valueToTree(value);
        } catch (PathNotFoundException e) {
            throw new PathMismatch(path, e.getMessage());
        } catch (InvalidPathException e) {
            throw new PathMismatch(path, e.getMessage());
        }
    }

    /** The node {@code path} names, or empty when there is none. */
    public static Optional<JsonNode> find(JsonNode root, String path) {
        try {
            return Optional.of(read(root, path));
        } catch (PathMismatch e) {
            return Optional.empty();
        }
    }

    /**
     * A copy of {@code root} with {@code value} at the reference path {@code path}, creating the objects on the
     * way that do not exist yet ({@code ResultPath}). {@code $} replaces the whole document.
     *
     * @throws PathMismatch when the path is not a reference path, or crosses a value that is not an object
     *                      (or an array, for an index step)
     */
    public static JsonNode put(JsonNode root, String path, JsonNode value) {
        List<Object> steps = steps(path).orElseThrow(() -> new PathMismatch(path));
        if (steps.isEmpty()) {
            return value;
        }
        JsonNode copy = root == null || root.isNull() || root.isMissingNode()
                ? JsonNodeFactory.instance.objectNode() : root.deepCopy();
        JsonNode at = copy;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String name) {
                if (!(at instanceof ObjectNode object)) {
                    throw new PathMismatch(path);
                }
                if (last) {
                    object.set(name, value);
                } else {
                    JsonNode next = object.get(name);
                    if (next == null || next.isNull()) {
                        next = object.putObject(name);
                    }
                    at = next;
                }
            } else {
                int index = (Integer) step;
                if (!(at instanceof ArrayNode array) || index >= array.size()) {
                    throw new PathMismatch(path);
                }
                if (last) {
                    array.set(index, value);
                } else {
                    at = array.get(index);
                }
            }
        }
        return copy;
    }

    /** The name ({@code String}) and index ({@code Integer}) steps of a reference path, or empty if it is not one. */
    private static Optional<List<Object>> steps(String path) {
        if (path == null || !path.startsWith("$")) {
            return Optional.empty();
        }
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            if (m.group(1) != null) {
                steps.add(m.group(1));
            } else if (m.group(2) != null) {
                steps.add(m.group(2).replace("\\'", "'"));
            } else {
                steps.add(Integer.parseInt(m.group(3)));
            }
            at = m.end();
        }
        return Optional.of(steps);
    }

    private static JsonPath compile(String path) {
        JsonPath cached = COMPILED.get(path);
        if (cached != null) {
            return cached;
        }
        JsonPath compiled = JsonPath.compile(path);
        if (COMPILED.size() < 10_000) {
            COMPILED.put(path, compiled);
        }
        return compiled;
    }

    /** A path that names nothing in the document it was applied to (the interpreter's States.Runtime). */
    public static final class PathMismatch extends RuntimeException {
        private final String path;
        private final String detail;

        public PathMismatch(String path) {
            this(path, "No results for path: " + path);
        }

        /** {@code detail} is Jayway's own explanation, e.g. {@code No results for path: $['x']}. */
        public PathMismatch(String path, String detail) {
            super("Invalid path '" + path + "' : " + detail, null, false, false);
            this.path = path;
            this.detail = detail;
        }

        public String path() {
            return path;
        }

        /** Jayway's explanation ({@code No results for path: $['x']}, {@code Missing property in path $['a']}). */
        public String detail() {
            return detail;
        }
    }
}
