package io.labrunner.emulator.stepfunctions.language;

import static io.labrunner.emulator.stepfunctions.language.IntrinsicsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Causes marked "AWS" are AWS's own, as LocalStack recorded them (test_base_evaluate_expressions,
 * test_math_operations_jsonata, test_array_jsonata and test_json_manipulation_jsonata snapshots).
 */
class JsonataTest {
    private static final ObjectNode STATES = Jsonata.states(
            json("{\"order\":{\"id\":\"o-1\",\"lines\":[{\"sku\":\"a\",\"qty\":2,\"price\":5},"
                    + "{\"sku\":\"b\",\"qty\":1,\"price\":12.5}]}}"),
            json("{\"Execution\":{\"Name\":\"run-1\"},\"State\":{\"Name\":\"Price\"}}"));

    @Test
    void expressionsReadStatesInputAndContext() {
        assertThat(eval("$states.input.order.id").asText()).isEqualTo("o-1");
        assertThat(eval("$sum($states.input.order.lines.(qty * price))").asDouble()).isEqualTo(22.5);
        assertThat(eval("$states.context.Execution.Name & '/' & $states.context.State.Name").asText())
                .isEqualTo("run-1/Price");
        assertThat(eval("$states.input.order.lines[qty > 1].sku").asText()).isEqualTo("a");
    }

    @Test
    void integralNumbersComeBackAsIntegers() {
        assertThat(eval("1 + 2").isIntegralNumber()).isTrue();
        assertThat(eval("10 / 4").asDouble()).isEqualTo(2.5);
        assertThat(eval("[1, 2.0]")).isEqualTo(json("[1,2]"));
    }

    @Test
    void variablesAreBoundByName() {
        JsonNode out = Jsonata.evaluate("$limit - $count", "Output", STATES,
                Map.of("limit", json("10"), "count", json("3")));

        assertThat(out.asInt()).isEqualTo(7);
    }

    @Test
    void resultAndErrorOutputAreReadWhenTheFieldHasThem() {
        ObjectNode states = STATES.deepCopy();
        states.set("result", json("{\"Payload\":{\"ok\":true}}"));
        states.set("errorOutput", json("{\"Error\":\"E\",\"Cause\":\"c\"}"));

        assertThat(Jsonata.evaluate("$states.result.Payload.ok", "Output", states, Map.of()).asBoolean()).isTrue();
        assertThat(Jsonata.evaluate("$states.errorOutput.Error", "Output", states, Map.of()).asText()).isEqualTo("E");
    }

    @Test
    void templatesEvaluateEveryExpressionStringAndKeepOtherValues() {
        JsonNode template = json("{\"Payload\":\"{% $states.input.order %}\",\"literal\":\"text\",\"n\":1,"
                + "\"list\":[\"{% 1 + 1 %}\",\"{ not an expression }\",{\"deep\":\"{% $uppercase('x') %}\"}],"
                + "\"almost\":\"{% is not closed\"}");

        JsonNode out = Jsonata.evaluateTemplate(template, "Arguments", STATES, Map.of());

        assertThat(out.path("Payload").path("id").asText()).isEqualTo("o-1");
        assertThat(out.path("literal").asText()).isEqualTo("text");
        assertThat(out.path("n").asInt()).isEqualTo(1);
        assertThat(out.path("list")).isEqualTo(json("[2,\"{ not an expression }\",{\"deep\":\"X\"}]"));
        assertThat(out.path("almost").asText()).isEqualTo("{% is not closed");
    }

    @Test
    void anExpressionThatYieldsNothingFailsNamingItsField() {
        // AWS: "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing
        // (undefined)."
        assertThatThrownBy(() -> Jsonata.evaluateTemplate(json("{\"result\":\"{% $doesNotExist %}\"}"), "Output",
                STATES, Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> {
                    assertThat(f.error()).isEqualTo("States.QueryEvaluationError");
                    assertThat(f.failureCause()).isEqualTo("The JSONata expression '$doesNotExist' specified for the "
                            + "field 'Output/result' returned nothing (undefined).");
                });
    }

    @Test
    void arrayItemsAreNamedByIndexInTheFieldPath() {
        assertThatThrownBy(() -> Jsonata.evaluateTemplate(json("{\"values\":[\"{% $nope %}\"]}"), "Output", STATES,
                Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause())
                        .contains("specified for the field 'Output/values[0]'"));
    }

    @Test
    void anExpressionThatThrowsGivesItsCodeAndMessage() {
        // AWS: "... specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006:
        // Attempted to invoke a non-function"
        assertThatThrownBy(() -> Jsonata.evaluateTemplate(
                json("{\"FunctionResult\":\"{% $randomSeeded($states.input.fst) %}\"}"), "Output", STATES, Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause()).isEqualTo(
                        "The JSONata expression '$randomSeeded($states.input.fst)' specified for the field "
                                + "'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to "
                                + "invoke a non-function"));
    }

    @Test
    void anExpressionThatDoesNotParseFailsAtRunTimeToo() {
        assertThatThrownBy(() -> Jsonata.evaluate("1 +", "Output", STATES, Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause())
                        .endsWith("S0207: Unexpected end of expression"));
        assertThat(Jsonata.problem("1 +")).contains("Unexpected end of expression");
        assertThat(Jsonata.problem("$states.input.a + 1")).isEmpty();
    }

    @Test
    void itemsMustBeAnArray() {
        // AWS: "The JSONata expression '1' specified for the field 'Items' returned an unexpected result type.
        // Expected 'array', but was 'number' for value: 1"
        assertThatThrownBy(() -> Jsonata.requireType(Jsonata.evaluate("1", "Items", STATES, Map.of()), "array", "1",
                "Items"))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause()).isEqualTo(
                        "The JSONata expression '1' specified for the field 'Items' returned an unexpected result "
                                + "type. Expected 'array', but was 'number' for value: 1"));
        assertThat(Jsonata.requireType(json("[1]"), "array", "x", "Items")).isEqualTo(json("[1]"));
    }

    @Test
    void aFunctionIsNotAValue() {
        assertThatThrownBy(() -> Jsonata.evaluate("$fn := function($x){$x}", "Items", STATES, Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause()).isEqualTo(
                        "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned "
                                + "an unsupported result type."));
    }

    @Test
    void partitionRangeAndParseBehaveAsAwsRecorded() {
        assertThat(eval("$partition([0, 1, 2, 3], 3)")).isEqualTo(json("[[0,1,2],[3]]"));
        assertThat(eval("$range(0, 10, 3)")).isEqualTo(json("[0,3,6,9]"));
        assertThat(eval("$range(1, 9, 9)")).isEqualTo(json("1"));
        assertThat(eval("$parse('{\"Arg1\": 1, \"Arg2\": []}')")).isEqualTo(json("{\"Arg1\":1,\"Arg2\":[]}"));
        assertThat(eval("$parse('-0')").asInt()).isZero();
    }

    @Test
    void hashRandomAndUuid() {
        assertThat(eval("$hash('input data', 'SHA-256')").asText())
                .isEqualTo("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3");
        double r = eval("$random()").asDouble();
        assertThat(r).isGreaterThanOrEqualTo(0).isLessThan(1);
        assertThat(eval("$random(7)")).isEqualTo(eval("$random(7)"));
        assertThat(eval("$uuid()").asText()).hasSize(36);
    }

    @Test
    void expressionsAreRecognisedOnlyWhenWholeFieldIsWrapped() {
        assertThat(Jsonata.isExpression("{% $x %}")).isTrue();
        assertThat(Jsonata.isExpression(" {% $x %}")).isFalse();
        assertThat(Jsonata.isExpression("{% $x")).isFalse();
        assertThat(Jsonata.unwrap("{%  $x + 1 %}")).isEqualTo("$x + 1");
    }

    private static JsonNode eval(String expression) {
        return Jsonata.evaluate(expression, "Output", STATES, Map.of());
    }
}
