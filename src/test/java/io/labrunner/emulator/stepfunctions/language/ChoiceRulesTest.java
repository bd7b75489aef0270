package io.labrunner.emulator.stepfunctions.language;

import static io.labrunner.emulator.stepfunctions.language.IntrinsicsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRulesTest {
    private static final JsonNode INPUT = json("{\"s\":\"mango\",\"n\":10,\"d\":2.5,\"b\":true,\"nil\":null,"
            + "\"t\":\"2016-03-14T01:59:00Z\",\"tz\":\"2016-03-14T03:59:00+02:00\",\"bad\":\"2016-13-14T01:59:00Z\","
            + "\"other\":{\"s\":\"mango\",\"n\":10,\"b\":true,\"t\":\"2016-03-14T01:59:00Z\"},\"file\":\"log-2024.csv\","
            + "\"star\":\"a*b\",\"arr\":[1,2]}");
    private static final JsonNode CONTEXT = json("{\"Execution\":{\"Name\":\"run-1\"}}");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "StringEquals             | \"mango\"  | true",
        "StringEquals             | \"Mango\"  | false",
        "StringLessThan           | \"melon\"  | true",
        "StringGreaterThan        | \"apple\"  | true",
        "StringLessThanEquals     | \"mango\"  | true",
        "StringGreaterThanEquals  | \"zebra\"  | false"})
    void stringComparisonsOrderByCharacters(String operator, String operand, boolean expected) {
        assertThat(matches("{\"Variable\":\"$.s\",\"" + operator + "\":" + operand + "}")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NumericEquals             | 10.0 | true",
        "NumericEquals             | 11   | false",
        "NumericLessThan           | 11   | true",
        "NumericGreaterThan        | 9.5  | true",
        "NumericLessThanEquals     | 10   | true",
        "NumericGreaterThanEquals  | 10.1 | false"})
    void numericComparisonsCompareValuesNotTypes(String operator, String operand, boolean expected) {
        assertThat(matches("{\"Variable\":\"$.n\",\"" + operator + "\":" + operand + "}")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TimestampEquals             | 2016-03-14T01:59:00Z      | true",
        "TimestampEquals             | 2016-03-14T03:59:00+02:00 | true",
        "TimestampLessThan           | 2016-03-14T02:00:00Z      | true",
        "TimestampGreaterThan        | 2016-03-14T01:58:59.999Z  | true",
        "TimestampLessThanEquals     | 2016-03-14T01:59:00Z      | true",
        "TimestampGreaterThanEquals  | 2017-01-01T00:00:00Z      | false"})
    void timestampComparisonsCompareInstantsAcrossOffsets(String operator, String operand, boolean expected) {
        assertThat(matches("{\"Variable\":\"$.t\",\"" + operator + "\":\"" + operand + "\"}")).isEqualTo(expected);
    }

    @Test
    void aVariableThatIsNotATimestampComparesFalse() {
        assertThat(matches("{\"Variable\":\"$.bad\",\"TimestampLessThan\":\"2030-01-01T00:00:00Z\"}")).isFalse();
        assertThat(matches("{\"Variable\":\"$.s\",\"TimestampLessThan\":\"2030-01-01T00:00:00Z\"}")).isFalse();
    }

    @Test
    void booleanEqualsAndAWrongTypeIsFalseNotAnError() {
        assertThat(matches("{\"Variable\":\"$.b\",\"BooleanEquals\":true}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.b\",\"BooleanEquals\":false}")).isFalse();
        assertThat(matches("{\"Variable\":\"$.n\",\"StringEquals\":\"10\"}")).isFalse();
        assertThat(matches("{\"Variable\":\"$.s\",\"NumericEquals\":10}")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "StringEqualsPath            | $.other.s | true",
        "StringLessThanPath          | $.other.s | false",
        "StringGreaterThanEqualsPath | $.other.s | true",
        "NumericEqualsPath           | $.other.n | true",
        "NumericLessThanPath         | $.other.n | false",
        "NumericLessThanEqualsPath   | $.other.n | true"})
    void pathVariantsReadTheirOperandFromTheInput(String operator, String path, boolean expected) {
        String variable = operator.startsWith("String") ? "$.s" : "$.n";
        assertThat(matches("{\"Variable\":\"" + variable + "\",\"" + operator + "\":\"" + path + "\"}"))
                .isEqualTo(expected);
    }

    @Test
    void booleanAndTimestampPathVariantsAndContextPaths() {
        assertThat(matches("{\"Variable\":\"$.b\",\"BooleanEqualsPath\":\"$.other.b\"}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.t\",\"TimestampEqualsPath\":\"$.other.t\"}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.tz\",\"TimestampGreaterThanPath\":\"$.other.t\"}")).isFalse();
        assertThat(matches("{\"Variable\":\"$$.Execution.Name\",\"StringEquals\":\"run-1\"}")).isTrue();
    }

    @Test
    void aPathOperandThatNamesNothingIsARuntimeError() {
        assertThatThrownBy(() -> matches("{\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.nope\"}"))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.error()).isEqualTo("States.Runtime"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "log-*.csv     | $.file | true",
        "log-*         | $.file | true",
        "*.json        | $.file | false",
        "*2024*        | $.file | true",
        "a\\\\*b       | $.star | true",
        "a\\\\*c       | $.star | false",
        "a*b           | $.star | true"})
    void stringMatchesTakesStarsAsWildcardsAndEscapedStarsLiterally(String pattern, String variable,
            boolean expected) {
        // The pattern is JSON text: a\\* is the escape \* (a literal star).
        assertThat(matches("{\"Variable\":\"" + variable + "\",\"StringMatches\":\"" + pattern + "\"}"))
                .isEqualTo(expected);
    }

    @Test
    void anEscapedStarMatchesOnlyAStar() {
        assertThat(ChoiceRules.wildcardMatches("a\\*b", "a*b")).isTrue();
        assertThat(ChoiceRules.wildcardMatches("a\\*b", "axb")).isFalse();
        assertThat(ChoiceRules.wildcardMatches("a\\\\b", "a\\b")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IsNull      | $.nil | true  | true",
        "IsNull      | $.s   | true  | false",
        "IsNull      | $.s   | false | true",
        "IsPresent   | $.nil | true  | true",
        "IsPresent   | $.nope | true | false",
        "IsPresent   | $.nope | false | true",
        "IsNumeric   | $.d   | true  | true",
        "IsNumeric   | $.s   | true  | false",
        "IsString    | $.s   | true  | true",
        "IsString    | $.nil | true  | false",
        "IsBoolean   | $.b   | true  | true",
        "IsBoolean   | $.n   | false | true",
        "IsTimestamp | $.t   | true  | true",
        "IsTimestamp | $.bad | true  | false",
        "IsTimestamp | $.s   | true  | false"})
    void typeTestsCompareWithTheirBooleanOperand(String operator, String variable, boolean operand,
            boolean expected) {
        assertThat(matches("{\"Variable\":\"" + variable + "\",\"" + operator + "\":" + operand + "}"))
                .isEqualTo(expected);
    }

    @Test
    void aVariableThatNamesNothingIsARuntimeErrorUnlessIsPresent() {
        assertThatThrownBy(() -> matches("{\"Variable\":\"$.nope\",\"StringEquals\":\"x\"}"))
                .isInstanceOfSatisfying(TaskFailure.class, f -> {
                    assertThat(f.error()).isEqualTo("States.Runtime");
                    assertThat(f.failureCause()).contains("$.nope");
                });
        assertThatThrownBy(() -> matches("{\"Variable\":\"$.nope\",\"IsNull\":true}"))
                .isInstanceOf(TaskFailure.class);
    }

    @Test
    void andOrNotCombineRules() {
        assertThat(matches("{\"And\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":5},"
                + "{\"Variable\":\"$.s\",\"StringEquals\":\"mango\"}]}")).isTrue();
        assertThat(matches("{\"And\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":50},"
                + "{\"Variable\":\"$.nope\",\"StringEquals\":\"never evaluated\"}]}")).isFalse();
        assertThat(matches("{\"Or\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":50},"
                + "{\"Variable\":\"$.b\",\"BooleanEquals\":true}]}")).isTrue();
        assertThat(matches("{\"Not\":{\"Variable\":\"$.s\",\"StringEquals\":\"mango\"}}")).isFalse();
        assertThat(matches("{\"Not\":{\"Or\":[{\"Variable\":\"$.n\",\"NumericLessThan\":0},"
                + "{\"Variable\":\"$.b\",\"BooleanEquals\":false}]}}")).isTrue();
    }

    @Test
    void variablesAreReadByName() {
        assertThat(ChoiceRules.matches(json("{\"Variable\":\"$limits.max\",\"NumericGreaterThanPath\":\"$.n\"}"),
                INPUT, CONTEXT, Map.of("limits", json("{\"max\":20}")))).isTrue();
    }

    @Test
    void operatorsAreKnownWithTheirPathVariantsButStringMatchesHasNone() {
        assertThat(ChoiceRules.isOperator("TimestampLessThanEqualsPath")).isTrue();
        assertThat(ChoiceRules.isOperator("IsPresent")).isTrue();
        assertThat(ChoiceRules.isOperator("StringMatchesPath")).isFalse();
        assertThat(ChoiceRules.isOperator("IsNullPath")).isFalse();
        assertThat(ChoiceRules.isOperator("StringContains")).isFalse();
    }

    private static boolean matches(String rule) {
        return ChoiceRules.matches(json(rule), INPUT, CONTEXT, Map.of());
    }
}
