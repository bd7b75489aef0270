package io.labrunner.emulator.stepfunctions.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.stepfunctions.asl.InvalidDefinitionException;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages marked "AWS" are AWS's own, as recorded in: localstack/localstack issue 11978 (transitions),
 * LocalStack's AWS-recorded snapshots (test_sfn_api_validation, test_base_scenarios), floci-io/floci issue 2735 and
 * pull request 2786 (terminal state, unsupported fields, target locations) and aws-cloudformation/cfn-lint issue
 * 4078 (invalid JSONPath).
 */
class DefinitionValidatorTest {
    private static final String PREFIX = "Invalid State Machine Definition: '";

    @Test
    void aValidMachineWithEveryStateTypePasses() {
        assertThatCode(() -> DefinitionValidator.validate("""
                {"Comment": "all types", "StartAt": "P", "TimeoutSeconds": 60, "States": {
                  "P": {"Type": "Pass", "Parameters": {"a.$": "$.x", "b.$": "States.Format('{}', $.y)",
                        "c": [{"d.$": "$$.Execution.Id"}]}, "ResultPath": "$.p", "Next": "T"},
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::glue:startCrawler",
                        "Parameters": {"Name.$": "$.crawler"}, "ResultSelector": {"s.$": "$.State"},
                        "TimeoutSeconds": 30, "HeartbeatSeconds": 10, "ResultPath": null,
                        "Retry": [{"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 2, "MaxAttempts": 3,
                                   "BackoffRate": 2.0, "JitterStrategy": "FULL"}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "F"}],
                        "Next": "C"},
                  "C": {"Type": "Choice", "Choices": [
                          {"Variable": "$.n", "NumericGreaterThanEquals": 5, "Next": "W"},
                          {"And": [{"Variable": "$.s", "StringMatches": "log-*"},
                                   {"Not": {"Variable": "$.b", "BooleanEquals": true}}], "Next": "Par"},
                          {"Variable": "$.t", "TimestampLessThanPath": "$.limit", "Next": "M"}],
                        "Default": "S"},
                  "W": {"Type": "Wait", "Timestamp": "2016-03-14T01:59:00Z", "Next": "S"},
                  "Par": {"Type": "Parallel", "Branches": [
                          {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "End": true}}},
                          {"StartAt": "B2", "States": {"B2": {"Type": "Wait", "Seconds": 1, "End": true}}}],
                        "Next": "S"},
                  "M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
                        "ItemSelector": {"item.$": "$$.Map.Item.Value"},
                        "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "I",
                                          "States": {"I": {"Type": "Succeed"}}},
                        "End": true},
                  "F": {"Type": "Fail", "ErrorPath": "$.error.Error", "CausePath": "States.Format('{}', $.c)"},
                  "S": {"Type": "Succeed", "OutputPath": "$.p"}}}
                """)).doesNotThrowAnyException();
    }

    @Test
    void aValidJsonataMachinePasses() {
        assertThatCode(() -> DefinitionValidator.validate("""
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
                  "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Arguments": {"Payload": "{% $states.input %}", "n": 1},
                        "Assign": {"total": "{% $states.result.Payload.total %}"},
                        "Output": "{% $states.result %}", "TimeoutSeconds": "{% 30 %}",
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput %}", "Next": "X"}],
                        "Next": "C"},
                  "C": {"Type": "Choice", "Choices": [{"Condition": "{% $total > 10 %}", "Next": "M"}],
                        "Default": "X"},
                  "M": {"Type": "Map", "Items": "{% $states.input.items %}",
                        "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}},
                        "End": true},
                  "X": {"Type": "Fail", "Error": "{% 'Oops' %}", "Cause": "bad"}}}
                """)).doesNotThrowAnyException();
    }

    @Test
    void aMissingTargetAndAnUnreachableStateAreBothReportedInAwsWords() {
        // AWS, localstack/localstack issue 11978.
        assertRefused("""
                {"StartAt": "pass1", "States": {
                  "pass1": {"Type": "Pass", "Next": "pass3"},
                  "pass2": {"Type": "Pass", "End": true}}}
                """, "MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, "
                + "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2");
    }

    @Test
    void aCycleWithNoExitHasNoTerminalState() {
        // AWS, floci-io/floci issue 2735: no location, printed as "null"; reachability is not checked then.
        assertRefused("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Pass", "Next": "A"},
                  "Orphan": {"Type": "Wait", "Seconds": 1, "Next": "A"}}}
                """, "MISSING_END_STATE: Workflow has no terminal state at null");
    }

    @Test
    void aDanglingNextWithNothingElseReportsBothProblemsInAwsOrder() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "NOPE"}}}
                """, "MISSING_TRANSITION_TARGET: Missing 'Next' target: NOPE at /States/A/Next, "
                + "MISSING_END_STATE: Workflow has no terminal state at null");
    }

    @Test
    void everyKindOfTargetIsCalledNextAndLocatedAtItsField() {
        List<Diagnostic> problems = DefinitionValidator.diagnose("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "C",
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Gone1"}]},
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Gone2"}],
                        "Default": "Gone3"},
                  "End": {"Type": "Succeed"}}}
                """);

        assertThat(problems).extracting(Diagnostic::message, Diagnostic::location).contains(
                org.assertj.core.groups.Tuple.tuple("Missing 'Next' target: Gone1", "/States/T/Catch[0]/Next"),
                org.assertj.core.groups.Tuple.tuple("Missing 'Next' target: Gone2", "/States/C/Choices[0]/Next"),
                org.assertj.core.groups.Tuple.tuple("Missing 'Next' target: Gone3", "/States/C/Default"));
    }

    @Test
    void aStartAtThatNamesNoStateIsAMissingTarget() {
        assertThatThrownBy(() -> DefinitionValidator.validate("""
                {"StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}}
                """)).hasMessageContaining("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nope at /StartAt");
    }

    @Test
    void anUnknownStateTypeListsTheTypesInAwsOrder() {
        // AWS, LocalStack's test_base_scenarios snapshot.
        assertRefused("""
                {"StartAt": "ExistingButInvalidState", "States": {
                  "ExistingButInvalidState": {"Type": "Tusk", "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: [Task, Wait, Pass,"
                + " Succeed, Fail, Choice, Parallel, Map] at /States/ExistingButInvalidState/Type");
    }

    @Test
    void missingTopLevelFieldsAreListedStatesFirst() {
        // AWS, LocalStack's test_sfn_api_validation snapshot.
        assertRefused("{}", "SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /");
        assertRefused("{\"StartAt\": \"A\"}", "SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /");
    }

    @Test
    void aFieldTheStateTypeDoesNotSupportIsRefusedAtTheState() {
        // AWS, floci-io/floci issue 2735.
        assertRefused("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "TimeoutSeconds": 5,
                  "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}, "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: Field 'TimeoutSeconds' is not supported at /States/M");
        assertRefused("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Catch": [], "Nextt": "X", "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: Field 'Catch' is not supported at /States/P, "
                + "SCHEMA_VALIDATION_FAILED: Field 'Nextt' is not supported at /States/P");
    }

    @Test
    void notJsonIsAnInvalidJsonDescriptionInJacksonsWords() {
        // AWS, LocalStack's test_sfn_api_validation snapshot (NOT_A_DEF).
        List<Diagnostic> problems = DefinitionValidator.diagnose("not a definition");

        assertThat(problems).containsExactly(new Diagnostic("INVALID_JSON_DESCRIPTION",
                "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' "
                        + "or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
                "[Source: (String)\"not a definition\"; line: 1, column: 4]"));
        assertThatThrownBy(() -> DefinitionValidator.validate("not a definition"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith(PREFIX + "INVALID_JSON_DESCRIPTION: Unrecognized token 'not'");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        assertThat(DefinitionValidator.diagnose("")).containsExactly(
                new Diagnostic("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null));
        assertThat(DefinitionValidator.diagnose("[1]")).extracting(Diagnostic::code)
                .containsExactly("SCHEMA_VALIDATION_FAILED");
    }

    @Test
    void aBadInputOrOutputPathIsRefused() {
        // AWS (relayed by CloudFormation), aws-cloudformation/cfn-lint issue 4078.
        assertRefused("""
                {"StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "OutputPath": "Test", "Next": "Success"},
                  "Success": {"Type": "Succeed"}}}
                """, "SCHEMA_VALIDATION_FAILED: Value must be a valid JSONPath. at /States/Pass/OutputPath");
        assertThatThrownBy(() -> DefinitionValidator.validate("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.a[1", "End": true}}}
                """)).hasMessageContaining("at /States/P/InputPath");
    }

    @Test
    void aResultPathMustBeAReferencePath() {
        assertThatThrownBy(() -> DefinitionValidator.validate("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$.a[*]", "End": true}}}
                """)).hasMessageContaining("SCHEMA_VALIDATION_FAILED: Value must be a valid ReferencePath. at "
                + "/States/P/ResultPath");
        assertThatCode(() -> DefinitionValidator.validate("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$.foo-result", "End": true}}}
                """)).doesNotThrowAnyException();
    }

    @Test
    void anIllegalEscapeInAnIntrinsicIsRefusedAtTheTemplate() {
        // AWS, LocalStack's test_illegal_escapes snapshot.
        assertRefused("""
                {"StartAt": "IntrinsicEscape", "States": {"IntrinsicEscape": {"Type": "Pass",
                  "Parameters": {"parsed.$": "States.StringToJson('{\\"text\\":\\"An \\\\\\"escaped double quote\\\\\\" here\\"}')"},
                  "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid JSONPath or a "
                + "valid intrinsic function call at /States/IntrinsicEscape/Parameters");
    }

    @Test
    void templateFieldsThatAreNotPathsAreRefusedWhereverTheySit() {
        assertRefused("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::batch:submitJob",
                  "Parameters": {"JobName.$": "foo", "Nested": {"Deep.$": "States.Nope()"}}, "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: The value for the field 'JobName.$' must be a valid JSONPath or a "
                + "valid intrinsic function call at /States/T/Parameters, SCHEMA_VALIDATION_FAILED: The value for "
                + "the field 'Deep.$' must be a valid JSONPath or a valid intrinsic function call at "
                + "/States/T/Parameters/Nested");
    }

    @Test
    void aChoiceVariableMustBeAPath() {
        assertThatThrownBy(() -> DefinitionValidator.validate("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice",
                  "Choices": [{"Variable": "x", "StringEquals": "a", "Next": "S"}], "Default": "S"},
                  "S": {"Type": "Succeed"}}}
                """)).hasMessageContaining("at /States/C/Choices[0]/Variable");
    }

    @Test
    void aChoiceOperandOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> DefinitionValidator.validate("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice",
                  "Choices": [{"Variable": "$.x", "NumericEquals": "5", "Next": "S"},
                              {"Variable": "$.t", "TimestampEquals": "yesterday", "Next": "S"}], "Default": "S"},
                  "S": {"Type": "Succeed"}}}
                """)).hasMessageContaining("at /States/C/Choices[0]/NumericEquals")
                .hasMessageContaining("String does not match RFC3339 timestamp at /States/C/Choices[1]/TimestampEquals");
    }

    @Test
    void jsonataFieldsAreRefusedInJsonPathStatesAndJsonPathFieldsInJsonataStates() {
        assertRefused("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% 1 %}", "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: Field 'Output' is not supported at /States/P");
        assertRefused("""
                {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
                  "P": {"Type": "Pass", "InputPath": "$.a", "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: Field 'InputPath' is not supported at /States/P");
    }

    @Test
    void aStateMayNotGoBackToJsonPathInAJsonataMachine() {
        // AWS, LocalStack's test_sfn_api_validation snapshot (INVALID_DOWNGRADE_QUERY_LANGUAGE).
        assertRefused("""
                {"QueryLanguage": "JSONata", "StartAt": "Pass", "States": {
                  "Pass": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole "
                + "state machine at /States/Pass");
    }

    @Test
    void aJsonPathMachineMayHaveJsonataStates() {
        assertThatCode(() -> DefinitionValidator.validate("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input.x %}", "Next": "B"},
                  "B": {"Type": "Pass", "Parameters": {"x.$": "$.x"}, "End": true}}}
                """)).doesNotThrowAnyException();
    }

    @Test
    void aJsonataExpressionThatDoesNotParseIsRefusedAtItsField() {
        List<Diagnostic> problems = DefinitionValidator.diagnose("""
                {"QueryLanguage": "JSONata", "StartAt": "E", "States": {
                  "E": {"Type": "Pass", "Output": {"v": "{% a[1,2) %}"}, "End": true}}}
                """);

        assertThat(problems).containsExactly(new Diagnostic("INVALID_JSONATA_EXPRESSION", "Expected \"]\", got \",\"",
                "/States/E/Output/v"));
    }

    @Test
    void branchesAndProcessorsAreValidatedWithTheirOwnLocations() {
        assertRefused("""
                {"StartAt": "P", "States": {
                  "P": {"Type": "Parallel", "Next": "M", "Branches": [
                        {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "End": true}}},
                        {"StartAt": "B2", "States": {"B2": {"Type": "Pass", "Next": "Outside"}}}]},
                  "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "I", "States": {
                        "I": {"Type": "Pass", "InputPath": "bad", "End": true}}}},
                  "Outside": {"Type": "Succeed"}}}
                """, "SCHEMA_VALIDATION_FAILED: Value must be a valid JSONPath. at "
                + "/States/M/ItemProcessor/States/I/InputPath");
        assertRefused("""
                {"StartAt": "P", "States": {
                  "P": {"Type": "Parallel", "End": true, "Branches": [
                        {"StartAt": "B2", "States": {"B2": {"Type": "Pass", "Next": "Outside"}}}]},
                  "Outside": {"Type": "Succeed"}}}
                """, "MISSING_TRANSITION_TARGET: State \"Outside\" is not reachable. at /States/Outside, "
                + "MISSING_TRANSITION_TARGET: Missing 'Next' target: Outside at /States/P/Branches[0]/States/B2/Next, "
                + "MISSING_END_STATE: Workflow has no terminal state at null");
    }

    @Test
    void emptyBranchesAreRefused() {
        // AWS, LocalStack's snapshot.
        assertRefused("""
                {"StartAt": "StateName", "States": {"StateName": {"Type": "Parallel", "Branches": [], "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/StateName/Branches");
    }

    @Test
    void stateNamesMustBeUniqueAcrossBranchesAndInTheText() {
        assertRefused("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Parallel", "Next": "B", "Branches": [
                        {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]},
                  "B": {"Type": "Succeed"}}}
                """, "DUPLICATE_STATE_NAME: Duplicate State name: B at /States/B");
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "A": {"Type": "Succeed"}}}
                """, "DUPLICATE_STATE_NAME: Duplicate State name: A at /States/A");
    }

    @Test
    void aTimestampMustBeRfc3339() {
        // AWS, LocalStack's test_base_scenarios snapshot.
        assertRefused("""
                {"StartAt": "WaitUntil", "States": {
                  "WaitUntil": {"Type": "Wait", "Timestamp": "2016-12-05 21:29:29Z", "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp");
    }

    @Test
    void credentialsNeedARole() {
        // AWS, LocalStack's test_credentials_base snapshot.
        assertRefused("""
                {"StartAt": "State0", "States": {"State0": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Credentials": {}, "End": true}}}
                """, "SCHEMA_VALIDATION_FAILED: The field 'RoleArn' is required but was missing at "
                + "/States/State0/Credentials");
    }

    @Test
    void requiredFieldsAndTransitionsOfEachType() {
        List<Diagnostic> problems = DefinitionValidator.diagnose("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Next": "W"},
                  "W": {"Type": "Wait", "Next": "P"},
                  "P": {"Type": "Pass"},
                  "S": {"Type": "Succeed", "Next": "T"}}}
                """);

        assertThat(problems).extracting(Diagnostic::toString).containsExactly(
                "SCHEMA_VALIDATION_FAILED: These fields are required: [Resource] at /States/T",
                "SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: [Seconds, SecondsPath, Timestamp, "
                        + "TimestampPath] at /States/W",
                "SCHEMA_VALIDATION_FAILED: One of the fields 'Next' and 'End' is required at /States/P",
                "SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at /States/S");
    }

    @Test
    void retriersAndCatchersAreChecked() {
        List<Diagnostic> problems = DefinitionValidator.diagnose("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Retry": [{"ErrorEquals": [], "BackoffRate": 0.5}, {"ErrorEquals": ["States.ALL", "X"]}],
                  "Catch": [{"ErrorEquals": ["States.ALL"]}], "End": true}}}
                """);

        assertThat(problems).extracting(Diagnostic::location).containsExactly("/States/T/Retry[0]/ErrorEquals",
                "/States/T/Retry[0]/BackoffRate", "/States/T/Retry[1]/ErrorEquals", "/States/T/Catch[0]");
    }

    @Test
    void theRefusalIsOneMessageJoiningEveryDiagnostic() {
        List<Diagnostic> problems = List.of(new Diagnostic("A", "one", "/x"), new Diagnostic("B", "two", null));

        assertThat(DefinitionValidator.message(problems))
                .isEqualTo("Invalid State Machine Definition: 'A: one at /x, B: two at null'");
    }

    private static void assertRefused(String definition, String problems) {
        assertThatThrownBy(() -> DefinitionValidator.validate(definition))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage(PREFIX + problems + "'");
    }
}
