package io.labrunner.emulator.stepfunctions.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected values come from the developer guide's examples ("Intrinsic functions for JSONPath states") and from
 * executions LocalStack recorded against AWS (tests/aws/services/stepfunctions/v2/intrinsic_functions/*.snapshot.json).
 */
class IntrinsicsTest {
    private static final JsonNode CONTEXT = json("{\"Execution\":{\"Name\":\"run-1\"},"
            + "\"StateMachine\":{\"Name\":\"my-machine-v2\"}}");

    @Test
    void formatFillsEachPlaceholderWithItsArgument() {
        JsonNode input = json("{\"name\":\"Arnav\",\"template\":\"Hello, my name is {}.\"}");

        assertThat(eval("States.Format('Hello, my name is {}.', $.name)", input).asText())
                .isEqualTo("Hello, my name is Arnav.");
        assertThat(eval("States.Format($.template, $.name)", input).asText()).isEqualTo("Hello, my name is Arnav.");
    }

    @Test
    void formatPrintsNonStringsAsAwsDoes() {
        JsonNode input = json("{\"n\":null,\"i\":1,\"d\":1.1,\"o\":{\"Arg1\":1,\"Arg2\":[]},\"b\":true}");

        assertThat(eval("States.Format('{} {} {} {} {}', $.n, $.i, $.d, $.o, $.b)", input).asText())
                .isEqualTo("null 1 1.1 {Arg1=1, Arg2=[]} true");
    }

    @Test
    void escapedBracesQuotesAndBackslashesAreLiteralInFormat() {
        // In the definition's JSON these are written \\{ \\} \\' and \\\\.
        JsonNode out = eval("States.Format('\\{literal\\} {} it\\'s a \\\\ backslash', $.x)", json("{\"x\":\"v\"}"));

        assertThat(out.asText()).isEqualTo("{literal} v it's a \\ backslash");
    }

    @Test
    void formatWithTooFewArgumentsIsAnIntrinsicFailure() {
        assertThatThrownBy(() -> eval("States.Format('{} and {}', $.x)", json("{\"x\":1}")))
                .isInstanceOfSatisfying(TaskFailure.class,
                        f -> assertThat(f.error()).isEqualTo("States.IntrinsicFailure"));
    }

    @Test
    void stringToJsonParsesAndJsonToStringSerializesCompactly() {
        assertThat(eval("States.StringToJson($.s)", json("{\"s\":\"{\\\"foo\\\": \\\"bar\\\"}\"}")))
                .isEqualTo(json("{\"foo\":\"bar\"}"));
        assertThat(eval("States.JsonToString($.o)", json("{\"o\":{\"Arg1\":1,\"Arg2\":[]}}")).asText())
                .isEqualTo("{\"Arg1\":1,\"Arg2\":[]}");
        assertThat(eval("States.StringToJson($.s)", json("{\"s\":\" \"}")).isNull()).isTrue();
    }

    @Test
    void arrayCollectsItsArgumentsInOrder() {
        assertThat(eval("States.Array($.Id)", json("{\"Id\":123456}"))).isEqualTo(json("[123456]"));
        assertThat(eval("States.Array()", json("{}"))).isEqualTo(json("[]"));
        assertThat(eval("States.Array('a', 1, true, null)", json("{}"))).isEqualTo(json("[\"a\",1,true,null]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2,3,4,5,6,7,8,9] | 4 | [[1,2,3,4],[5,6,7,8],[9]]",
        "[0,1,2]             | 2 | [[0,1],[2]]",
        "[]                  | 3 | []"})
    void arrayPartitionCutsIntoChunks(String array, int size, String expected) {
        assertThat(eval("States.ArrayPartition($.a, $.n)", json("{\"a\":" + array + ",\"n\":" + size + "}")))
                .isEqualTo(json(expected));
    }

    @Test
    void arrayContainsComparesValuesDeeply() {
        JsonNode input = json("{\"a\":[[1,2,3],2,{\"1\":2,\"2\":[]}],\"x\":[1,2,3],\"o\":{\"2\":[],\"1\":2}}");

        assertThat(eval("States.ArrayContains($.a, $.x)", input).asBoolean()).isTrue();
        assertThat(eval("States.ArrayContains($.a, $.o)", input).asBoolean()).isTrue();
        assertThat(eval("States.ArrayContains($.a, 5)", input).asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | 9  | 2 | [1,3,5,7,9]",
        "0 | 10 | 3 | [0,3,6,9]",
        "1 | 9  | 9 | [1]",
        "5 | 1  | -2 | [5,3,1]"})
    void arrayRangeCountsFromStartToEndInclusive(int start, int end, int step, String expected) {
        assertThat(eval("States.ArrayRange(" + start + ", " + end + ", " + step + ")", json("{}")))
                .isEqualTo(json(expected));
    }

    @Test
    void arrayRangeRefusesMoreThanAThousandItemsAndAZeroStep() {
        assertThat(eval("States.ArrayRange(1, 1000, 1)", json("{}")).size()).isEqualTo(1000);
        assertThatThrownBy(() -> eval("States.ArrayRange(1, 1001, 1)", json("{}")))
                .isInstanceOf(TaskFailure.class).hasMessageContaining("1000");
        assertThatThrownBy(() -> eval("States.ArrayRange(1, 5, 0)", json("{}"))).isInstanceOf(TaskFailure.class);
    }

    @Test
    void arrayGetItemLengthAndUnique() {
        JsonNode input = json("{\"inputArray\":[1,2,3,4,5,6,7,8,9],\"index\":5,\"dups\":[1,2,3,3,3,3,3,3,4]}");

        assertThat(eval("States.ArrayGetItem($.inputArray, $.index)", input).asInt()).isEqualTo(6);
        assertThat(eval("States.ArrayLength($.inputArray)", input).asInt()).isEqualTo(9);
        assertThat(eval("States.ArrayUnique($.dups)", input)).isEqualTo(json("[1,2,3,4]"));
        assertThatThrownBy(() -> eval("States.ArrayGetItem($.inputArray, 9)", input))
                .isInstanceOf(TaskFailure.class);
    }

    @Test
    void base64RoundTrips() {
        assertThat(eval("States.Base64Encode($.s)", json("{\"s\":\"Data to encode\"}")).asText())
                .isEqualTo("RGF0YSB0byBlbmNvZGU=");
        assertThat(eval("States.Base64Decode($.s)", json("{\"s\":\"RGF0YSB0byBlbmNvZGU=\"}")).asText())
                .isEqualTo("Data to encode");
        assertThat(eval("States.Base64Encode('')", json("{}")).asText()).isEmpty();
    }

    @Test
    void base64RefusesMoreThanTenThousandCharacters() {
        JsonNode input = json("{\"s\":\"" + "a".repeat(10_001) + "\"}");

        assertThatThrownBy(() -> eval("States.Base64Encode($.s)", input))
                .isInstanceOfSatisfying(TaskFailure.class,
                        f -> assertThat(f.error()).isEqualTo("States.IntrinsicFailure"));
    }

    @ParameterizedTest
    @CsvSource({
        "MD5, 812f45842bc6d66ee14572ce20db8e86",
        "SHA-1, aaff4a450a104cd177d28d18d74485e8cae074b7",
        "SHA-256, b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
        "SHA-384, d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562",
        "SHA-512, 6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30"
            + "d425402d4f91316d871303aac4"})
    void hashGivesLowercaseHexAsAwsRecorded(String algorithm, String expected) {
        assertThat(eval("States.Hash($.d, $.a)", json("{\"d\":\"input data\",\"a\":\"" + algorithm + "\"}")).asText())
                .isEqualTo(expected);
    }

    @Test
    void hashRefusesAnUnknownAlgorithm() {
        assertThatThrownBy(() -> eval("States.Hash('x', 'SHA-3')", json("{}"))).isInstanceOf(TaskFailure.class);
    }

    @Test
    void jsonMergeIsShallowTheSecondObjectWinning() {
        JsonNode input = json("{\"json1\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2},\"json2\":{\"a\":{\"a3\":1,\"a4\":2},"
                + "\"c\":3}}");

        assertThat(eval("States.JsonMerge($.json1, $.json2, false)", input))
                .isEqualTo(json("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}"));
        assertThatThrownBy(() -> eval("States.JsonMerge($.json1, $.json2, true)", input))
                .isInstanceOf(TaskFailure.class);
    }

    @Test
    void jsonMergeOfAParsedLiteralWithAContextPath() {
        JsonNode context = json("{\"Execution\":{\"Input\":{\"input_field\":{\"k\":\"v\"}}}}");

        JsonNode out = Intrinsics.evaluate("States.JsonMerge(States.StringToJson('{\"flag\": \"false\"}'), "
                + "$$.Execution.Input.input_field, false)", json("{}"), context, Map.of());

        assertThat(out).isEqualTo(json("{\"flag\":\"false\",\"k\":\"v\"}"));
    }

    @ParameterizedTest
    @CsvSource({"-9, 3, -6", "1.49, 1.5, 3", "1.5, 1.51, 4", "-1.49, -1.5, -2", "-1.5, -1.51, -3", "-0.5, 0.5, 1",
        "111, -1, 110"})
    void mathAddRoundsEachOperandHalfUpAsAwsRecorded(String a, String b, int expected) {
        assertThat(eval("States.MathAdd($.a, $.b)", json("{\"a\":" + a + ",\"b\":" + b + "}")).asInt())
                .isEqualTo(expected);
    }

    @Test
    void mathAddStaysInsideTheIntegerRange() {
        assertThatThrownBy(() -> eval("States.MathAdd(2147483647, 1)", json("{}"))).isInstanceOf(TaskFailure.class);
    }

    @Test
    void mathRandomStaysWithinItsRangeAndASeedRepeatsIt() {
        for (int i = 0; i < 200; i++) {
            int n = eval("States.MathRandom(1, 999)", json("{}")).asInt();
            assertThat(n).isBetween(1, 998);
        }
        assertThat(eval("States.MathRandom(0, 999, 3)", json("{}")))
                .isEqualTo(eval("States.MathRandom(0, 999, 3)", json("{}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,2,3,4,5               | ,    | [\"1\",\"2\",\"3\",\"4\",\"5\"]",
        "This.is+a,test=string   | .+,= | [\"This\",\"is\",\"a\",\"test\",\"string\"]",
        "',,,,'                  | ,    | []",
        "' , '                   | ,    | [\" \",\" \"]"})
    void stringSplitSplitsAtAnyDelimiterCharacterAndDropsEmptyPieces(String text, String delimiter, String expected) {
        JsonNode input = Json.object().put("s", text).put("d", delimiter);

        assertThat(eval("States.StringSplit($.s, $.d)", input)).isEqualTo(json(expected));
    }

    @Test
    void uuidIsAVersionFourUuid() {
        String uuid = eval("States.UUID()", json("{}")).asText();

        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(eval("States.UUID()", json("{}")).asText()).isNotEqualTo(uuid);
    }

    @Test
    void callsNestAndReadTheContextObject() {
        String expression = "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), "
                + "States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))";

        assertThat(Intrinsics.evaluate(expression, json("{}"), CONTEXT, Map.of()).asText()).isEqualTo("v2");
    }

    @Test
    void argumentsMayReadWorkflowVariables() {
        JsonNode out = Intrinsics.evaluate("States.Format('{} of {}', $count, $order.id)", json("{}"), CONTEXT,
                Map.of("count", json("3"), "order", json("{\"id\":\"o-1\"}")));

        assertThat(out.asText()).isEqualTo("3 of o-1");
    }

    @Test
    void aPathArgumentThatNamesNothingIsARuntimeError() {
        assertThatThrownBy(() -> eval("States.Array($.missing)", json("{}")))
                .isInstanceOfSatisfying(TaskFailure.class, f -> assertThat(f.error()).isEqualTo("States.Runtime"));
    }

    @Test
    void wellFormedCallsHaveNoProblem() {
        assertThat(Intrinsics.problem("States.Format('{}', States.Array(1, 'a', $.x, $$.Execution.Id, $v))"))
                .isEmpty();
        assertThat(Intrinsics.problem("States.UUID()")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "States.Nope(1)",
        "States.Array(1",
        "States.Array(1,)",
        "States.UUID(1)",
        "States.ArrayRange(1, 2)",
        "States.Format('unterminated)",
        "States.StringToJson('{\"text\":\"An \\\"escaped\\\" quote\"}')",
        "States.Array($..[)",
        "States.Array(1) trailing"})
    void malformedCallsHaveAProblem(String expression) {
        assertThat(Intrinsics.problem(expression)).isPresent();
    }

    @Test
    void moreThanTenFunctionsInOneFieldIsAProblem() {
        String ten = "States.Array(".repeat(10) + ")".repeat(10);
        String eleven = "States.Array(".repeat(11) + ")".repeat(11);

        assertThat(Intrinsics.problem(ten)).isEmpty();
        assertThat(Intrinsics.problem(eleven)).isPresent();
    }

    private static JsonNode eval(String expression, JsonNode input) {
        return Intrinsics.evaluate(expression, input, CONTEXT, Map.of());
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
