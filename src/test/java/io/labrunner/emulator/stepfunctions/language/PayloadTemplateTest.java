package io.labrunner.emulator.stepfunctions.language;

import static io.labrunner.emulator.stepfunctions.language.IntrinsicsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {
    private static final JsonNode INPUT = json("{\"flagged\":7,\"vals\":[0,10,20,30,40,50],\"name\":\"Ann\"}");
    private static final JsonNode CONTEXT = json("{\"Execution\":{\"Id\":\"arn:aws:states:us-east-1:1:execution:m:r\","
            + "\"Input\":{\"k\":\"v\"}},\"State\":{\"Name\":\"S\"}}");

    @Test
    void theSpecificationsExampleSelectsPathsAndKeepsLiterals() {
        // Modelled on the ASL specification's Payload Template example.
        JsonNode template = json("{\"flagged\":true,\"parts\":{\"first.$\":\"$.vals[0]\",\"last3.$\":\"$.vals[-3:]\"},"
                + "\"weekday.$\":\"$$.State.Name\",\"formattedOutput.$\":\"States.Format('Hello {}', $.name)\"}");

        JsonNode out = PayloadTemplate.evaluate(template, INPUT, CONTEXT, Map.of());

        assertThat(out).isEqualTo(json("{\"flagged\":true,\"parts\":{\"first\":0,\"last3\":[30,40,50]},"
                + "\"weekday\":\"S\",\"formattedOutput\":\"Hello Ann\"}"));
    }

    @Test
    void arraysOfObjectsAreEvaluatedItemByItem() {
        JsonNode template = json("{\"list\":[{\"n.$\":\"$.name\"},\"plain\",{\"id.$\":\"$$.Execution.Id\"}]}");

        JsonNode out = PayloadTemplate.evaluate(template, INPUT, CONTEXT, Map.of());

        assertThat(out).isEqualTo(json("{\"list\":[{\"n\":\"Ann\"},\"plain\","
                + "{\"id\":\"arn:aws:states:us-east-1:1:execution:m:r\"}]}"));
    }

    @Test
    void variablesAreReadWithTheirName() {
        JsonNode out = PayloadTemplate.evaluate(json("{\"who.$\":\"$user.name\",\"all.$\":\"$user\"}"), INPUT, CONTEXT,
                Map.of("user", json("{\"name\":\"Bo\"}")));

        assertThat(out).isEqualTo(json("{\"who\":\"Bo\",\"all\":{\"name\":\"Bo\"}}"));
    }

    @Test
    void aPathThatNamesNothingFailsWithAwsCause() {
        // Cause as LocalStack recorded it from AWS (test_base_scenarios, INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH),
        // without the "An error occurred while executing the state" prefix the interpreter adds.
        assertThatThrownBy(() -> PayloadTemplate.evaluate(json("{\"value.$\":\"$.no_such_jsonpath\"}"),
                json("{\"int-literal\":0}"), CONTEXT, Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> {
                    assertThat(f.error()).isEqualTo("States.Runtime");
                    assertThat(f.failureCause()).isEqualTo("The JSONPath '$.no_such_jsonpath' specified for the "
                            + "field 'value.$' could not be found in the input '{\"int-literal\":0}'");
                });
    }

    @Test
    void aContextPathThatNamesNothingFailsTheSameWay() {
        assertThatThrownBy(() -> PayloadTemplate.evaluate(json("{\"value.$\":\"$$.Execution.Input.nope\"}"),
                json("{\"a\":1}"), CONTEXT, Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause()).isEqualTo(
                        "The JSONPath '$$.Execution.Input.nope' specified for the field 'value.$' could not be found"
                                + " in the input '{\"a\":1}'"));
    }

    @Test
    void anIntrinsicFailureKeepsItsError() {
        assertThatThrownBy(() -> PayloadTemplate.evaluate(json("{\"x.$\":\"States.ArrayGetItem($.vals, 99)\"}"),
                INPUT, CONTEXT, Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class,
                        f -> assertThat(f.error()).isEqualTo("States.IntrinsicFailure"));
    }

    @Test
    void nonTemplateValuesComeBackAsTheyAre() {
        assertThat(PayloadTemplate.evaluate(json("[1,\"$.x\",null]"), INPUT, CONTEXT, Map.of()))
                .isEqualTo(json("[1,\"$.x\",null]"));
        assertThat(PayloadTemplate.evaluate(json("\"text\""), INPUT, CONTEXT, Map.of()).asText()).isEqualTo("text");
    }

    @Test
    void theTemplateIsNotChanged() {
        JsonNode template = json("{\"a.$\":\"$.name\"}");

        PayloadTemplate.evaluate(template, INPUT, CONTEXT, Map.of());

        assertThat(template).isEqualTo(json("{\"a.$\":\"$.name\"}"));
    }

    @Test
    void inputAndOutputPathsFailWithJaywaysExplanation() {
        // AWS's causes for InputPath/OutputPath (LocalStack's AWS-recorded test_invalid_jsonpath snapshots).
        assertThatThrownBy(() -> PathValues.readOrFail("$.NoSuchInputPath", json("{\"int-literal\":0}"), CONTEXT,
                Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause())
                        .isEqualTo("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"));
        assertThatThrownBy(() -> PathValues.readOrFail("$.no.such.result.path", json("{\"a\":1}"), CONTEXT,
                Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause())
                        .isEqualTo("Invalid path '$.no.such.result.path' : Missing property in path $['no']"));
    }

    @Test
    void errorPathAndCausePathFailNamingTheirField() {
        assertThatThrownBy(() -> PathValues.readField("ErrorPath", "$.ErrorX", json("{\"a\":1}"), CONTEXT, Map.of()))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.failureCause()).isEqualTo(
                        "The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input "
                                + "'{\"a\":1}'"));
    }

    @Test
    void pathsAreTellingApartInputContextAndVariables() {
        assertThat(PathValues.variableName("$order.items[0]")).isEqualTo("order");
        assertThat(PathValues.variableName("$.order")).isNull();
        assertThat(PathValues.variableName("$$.Execution")).isNull();
        assertThat(PathValues.isValid("$order.items[0]")).isTrue();
        assertThat(PathValues.isValid("$$.Execution.Id")).isTrue();
        assertThat(PathValues.isValid("order")).isFalse();
        assertThat(PathValues.isValid("$[")).isFalse();
        assertThat(PathValues.isReference("$.a.b[0]")).isTrue();
        assertThat(PathValues.isReference("$.a[*]")).isFalse();
    }
}
