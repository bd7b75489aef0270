package io.labrunner.emulator.sagemaker.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSONPath operators the developer guide lists, with its own examples. */
class JsonPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "[\"c0\",\"c1\",\"c2\",\"c3\",\"c4\",\"c5\",\"c6\"]";
    private static final String RECORD = "{\"id\":7,\"features\":[1,2,3],\"SageMakerOutput\":{\"label\":1},"
            + "\"field1\":{\"child1\":\"a\",\"child2\":\"b\",\"child3\":\"c\"}}";

    @ParameterizedTest(name = "{0} on a CSV row selects {1}")
    @CsvSource(delimiter = '|', value = {
            "$|[\"c0\",\"c1\",\"c2\",\"c3\",\"c4\",\"c5\",\"c6\"]",
            "$[1]|\"c1\"",
            "$[-1]|\"c6\"",
            "$[1,3,5]|[\"c1\",\"c3\",\"c5\"]",
            // The guide: $[1:4] is "the second through fifth columns"; [:5] runs through the sixth.
            "$[1:4]|[\"c1\",\"c2\",\"c3\",\"c4\"]",
            "$[:5]|[\"c0\",\"c1\",\"c2\",\"c3\",\"c4\",\"c5\"]",
            "$[5:]|[\"c5\",\"c6\"]",
            "$[1:]|[\"c1\",\"c2\",\"c3\",\"c4\",\"c5\",\"c6\"]",
            "$[*]|[\"c0\",\"c1\",\"c2\",\"c3\",\"c4\",\"c5\",\"c6\"]"})
    void selectsColumnsOfACsvRow(String path, String expected) throws Exception {
        assertThat(JsonPath.parse(path).select(JSON.readTree(ROW))).isEqualTo(JSON.readTree(expected));
    }

    @ParameterizedTest(name = "{0} on a JSON record selects {1}")
    @CsvSource(delimiter = '|', value = {
            "$.id|7",
            "$.features|[1,2,3]",
            "$.features[0]|1",
            "$['id','SageMakerOutput']|{\"id\":7,\"SageMakerOutput\":{\"label\":1}}",
            "$['id']|7",
            "$.field1.['child1','child2']|{\"child1\":\"a\",\"child2\":\"b\"}",
            "$.field1.*|[\"a\",\"b\",\"c\"]"})
    void selectsAttributesOfAJsonRecord(String path, String expected) throws Exception {
        JsonNode selected = JsonPath.parse(path).select(JSON.readTree(RECORD));
        assertThat(selected).isEqualTo(JSON.readTree(expected));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"features", "$features", "$[1", "$.", "$[a]", "$['a',1]"})
    void refusesExpressionsOutsideTheSubset(String path) {
        assertThatThrownBy(() -> JsonPath.parse(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} finds nothing in the record")
    @ValueSource(strings = {"$.missing", "$[0]", "$.features[9]"})
    void aPathTheRecordLacksIsAnError(String path) throws Exception {
        JsonNode record = JSON.readTree(RECORD);
        assertThatThrownBy(() -> JsonPath.parse(path).select(record)).isInstanceOf(IllegalArgumentException.class);
    }
}
