package io.labrunner.emulator.stepfunctions.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import org.junit.jupiter.api.Test;

class JsonPathsTest {
    private final JsonNode doc = json("{\"a\":{\"b\":[1,2,3]},\"items\":[{\"n\":\"x\",\"v\":1},{\"n\":\"y\",\"v\":5}],"
            + "\"s\":\"text\"}");

    @Test
    void definitePathsReadOneNode() {
        assertThat(JsonPaths.read(doc, "$.a.b[1]").asInt()).isEqualTo(2);
        assertThat(JsonPaths.read(doc, "$.s").asText()).isEqualTo("text");
        assertThat(JsonPaths.read(doc, "$['a']").path("b").size()).isEqualTo(3);
        assertThat(JsonPaths.read(doc, "$")).isSameAs(doc);
    }

    @Test
    void indefinitePathsReadAnArray() {
        assertThat(JsonPaths.read(doc, "$.items[*].n").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(JsonPaths.read(doc, "$.items[?(@.v > 2)].n").toString()).isEqualTo("[\"y\"]");
    }

    @Test
    void aPathThatNamesNothingIsAMismatch() {
        assertThatThrownBy(() -> JsonPaths.read(doc, "$.missing.deeper")).isInstanceOf(JsonPaths.PathMismatch.class);
        assertThat(JsonPaths.find(doc, "$.missing")).isEmpty();
    }

    @Test
    void putCreatesTheObjectsOnTheWayAndLeavesTheInputAlone() {
        JsonNode out = JsonPaths.put(doc, "$.result.training", json("{\"job\":\"j\"}"));

        assertThat(out.path("result").path("training").path("job").asText()).isEqualTo("j");
        assertThat(doc.has("result")).isFalse();
        assertThat(JsonPaths.put(doc, "$", json("7")).asInt()).isEqualTo(7);
        assertThat(JsonPaths.put(doc, "$.a.b[0]", json("9")).path("a").path("b").get(0).asInt()).isEqualTo(9);
    }

    @Test
    void onlyReferencePathsCanBeWritten() {
        assertThat(JsonPaths.isReferencePath("$.a['b c'][2]")).isTrue();
        assertThat(JsonPaths.isReferencePath("$.items[*]")).isFalse();
        assertThat(JsonPaths.isReferencePath("a.b")).isFalse();
        assertThatThrownBy(() -> JsonPaths.put(doc, "$.s.inner", json("1"))).isInstanceOf(JsonPaths.PathMismatch.class);
    }

    @Test
    void validity() {
        assertThat(JsonPaths.isPath("$.a[?(@.v > 1)]")).isTrue();
        assertThat(JsonPaths.isPath("$.a[?(@.v > 1]")).isFalse();
        assertThat(JsonPaths.isPath("$.a..")).isFalse();
        assertThat(JsonPaths.isPath("a.b")).isFalse();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
