package io.labrunner.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The query protocol's flat fields read into the input shape's tree, types checked. */
class FormDecoderTest {
    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("Input", structure("Input", new String[] {"Name", "S", "Count", "Big", "Flag", "Ratio", "When",
                    "Data", "Items", "Pairs", "Inner"}, new String[] {"S", "S", "I", "L", "B", "D", "T", "Bl", "Items",
                    "Pairs", "Inner"})),
            Map.entry("Inner", structure("Inner", new String[] {"Name", "Deeper"}, new String[] {"S", "Inner"})),
            Map.entry("Items", new Shape("Items", ShapeType.LIST, Map.of(), Set.of(), "Inner", null, null, null, null,
                    null, List.of(), Map.of(), null, false)),
            Map.entry("Pairs", new Shape("Pairs", ShapeType.MAP, Map.of(), Set.of(), null, "S", "I", null, null, null,
                    List.of(), Map.of(), null, false)),
            Map.entry("S", scalar("S", ShapeType.STRING)), Map.entry("I", scalar("I", ShapeType.INTEGER)),
            Map.entry("L", scalar("L", ShapeType.LONG)), Map.entry("B", scalar("B", ShapeType.BOOLEAN)),
            Map.entry("D", scalar("D", ShapeType.DOUBLE)), Map.entry("T", scalar("T", ShapeType.TIMESTAMP)),
            Map.entry("Bl", scalar("Bl", ShapeType.BLOB)));
    private static final ServiceModel MODEL = new ServiceModel("Test", "query", null, null, SHAPES, Map.of(),
            "2020-01-01", "https://example.com/doc/");

    private static Shape structure(String name, String[] members, String[] shapes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i++) {
            map.put(members[i], shapes[i]);
        }
        return new Shape(name, ShapeType.STRUCTURE, map, Set.of(), null, null, null, null, null, null, List.of(), Map.of(), null, false);
    }

    private static Shape scalar(String name, ShapeType type) {
        return new Shape(name, type, Map.of(), Set.of(), null, null, null, null, null, null, List.of(), Map.of(), null, false);
    }

    private static ObjectNode decode(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return new FormDecoder(MODEL, fields).decode(SHAPES.get("Input"));
    }

    @Test
    void scalarsAreTypedAsTheirShapesSay() {
        ObjectNode input = decode("Name", "n", "Count", "42", "Big", "9000000000", "Flag", "TRUE", "Ratio", "0.5",
                "When", "2026-01-02T03:04:05Z", "Data", "aGk=", "Unknown", "ignored");
        assertThat(input.toString()).isEqualTo("{\"Name\":\"n\",\"Count\":42,\"Big\":9000000000,\"Flag\":true,"
                + "\"Ratio\":0.5,\"When\":1767323045000,\"Data\":\"aGk=\"}");
    }

    @Test
    void listsAreReadInIndexOrderAndNestedStructuresByDottedNames() {
        ObjectNode input = decode("Items.member.2.Name", "second", "Items.member.10.Name", "tenth",
                "Items.member.1.Name", "first", "Items.member.1.Deeper.Name", "deep", "Items.member.0.Name", "zero",
                "Items.member.x.Name", "x", "Inner.Name", "inner");
        assertThat(input.toString()).isEqualTo("{\"Items\":[{\"Name\":\"first\",\"Deeper\":{\"Name\":\"deep\"}},"
                + "{\"Name\":\"second\"},{\"Name\":\"tenth\"}],\"Inner\":{\"Name\":\"inner\"}}");
    }

    @Test
    void mapsAreReadFromEntryKeyAndValue() {
        ObjectNode input = decode("Pairs.entry.1.key", "a", "Pairs.entry.1.value", "1", "Pairs.entry.2.key", "b",
                "Pairs.entry.2.value", "2");
        assertThat(input.toString()).isEqualTo("{\"Pairs\":{\"a\":1,\"b\":2}}");
    }

    @Test
    void anEmptyListOrMapIsTheBareNameWithoutValue() {
        assertThat(decode("Items", "", "Pairs", "").toString()).isEqualTo("{\"Items\":[],\"Pairs\":{}}");
    }

    @Test
    void valuesThatCannotBeTheirTypeAreInvalidParameterValues() {
        Map<String[], String> wrong = Map.of(
                new String[] {"Count", "ten"}, "Value 'ten' for parameter Count is not a valid integer.",
                new String[] {"Count", "99999999999"}, "Value '99999999999' for parameter Count is not a valid integer.",
                new String[] {"Flag", "yes"}, "Value 'yes' for parameter Flag is not a valid boolean.",
                new String[] {"Ratio", "1e999"}, "Value '1e999' for parameter Ratio is not a valid double.",
                new String[] {"When", "yesterday"}, "Value 'yesterday' for parameter When is not a valid timestamp.",
                new String[] {"Items", "a"}, "Value 'a' for parameter Items is not a list: its entries are Items.member.N.",
                new String[] {"Inner", "a"}, "Value 'a' for parameter Inner is not a structure: its members are"
                        + " Inner.<Member>.");
        wrong.forEach((pair, message) -> assertThatThrownBy(() -> decode(pair))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo(message);
                }));
    }
}
