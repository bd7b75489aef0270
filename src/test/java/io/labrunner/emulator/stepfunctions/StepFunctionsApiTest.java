package io.labrunner.emulator.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The Step Functions API through the SDK for Java v2 against a started emulator. */
class StepFunctionsApiTest {
    static final String PASS = "{\"StartAt\":\"Hello\",\"States\":{\"Hello\":{\"Type\":\"Pass\","
            + "\"Result\":{\"greeting\":\"hi\"},\"ResultPath\":\"$.out\",\"End\":true}}}";
    static final String WAIT = "{\"StartAt\":\"Nap\",\"States\":{\"Nap\":{\"Type\":\"Wait\",\"Seconds\":30,"
            + "\"End\":true}}}";

    private Emulator emulator;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).build().start();
        SfnClients.createRole(emulator);
        sfn = SfnClients.sfn(emulator);
    }

    @AfterEach
    void stop() {
        sfn.close();
        emulator.close();
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(SfnClients.ROLE))
                .stateMachineArn();
    }

    @Test
    void aStateMachineIsCreatedDescribedAndRunToItsEndWithItsHistory() {
        String arn = create("hello", PASS);
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:hello");
        DescribeStateMachineResponse machine = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
        assertThat(machine.definition()).isEqualTo(PASS);
        assertThat(machine.status()).isEqualTo(StateMachineStatus.ACTIVE);
        assertThat(machine.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(machine.loggingConfiguration().levelAsString()).isEqualTo("OFF");

        String execution = sfn.startExecution(r -> r.stateMachineArn(arn).name("run-1").input("{\"a\":1}"))
                .executionArn();
        assertThat(execution).isEqualTo("arn:aws:states:us-east-1:000000000000:execution:hello:run-1");
        DescribeExecutionResponse ended = SfnClients.awaitEnd(sfn, execution, Duration.ofSeconds(10));
        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output()).isEqualTo("{\"a\":1,\"out\":{\"greeting\":\"hi\"}}");
        assertThat(ended.stopDate()).isNotNull();

        GetExecutionHistoryResponse history = sfn.getExecutionHistory(r -> r.executionArn(execution));
        assertThat(history.events()).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.PASS_STATE_ENTERED,
                HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(history.events()).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(history.events().get(0).executionStartedEventDetails().input()).isEqualTo("{\"a\":1}");

        GetExecutionHistoryResponse reversed = sfn.getExecutionHistory(r -> r.executionArn(execution)
                .reverseOrder(true).maxResults(2).includeExecutionData(false));
        assertThat(reversed.events()).extracting(HistoryEvent::id).containsExactly(4L, 3L);
        assertThat(reversed.events().get(0).executionSucceededEventDetails().output()).isNull();
        assertThat(reversed.nextToken()).isNotNull();
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true).maxResults(2)
                .nextToken(reversed.nextToken())).events()).extracting(HistoryEvent::id).containsExactly(2L, 1L);
        assertThat(sfn.describeStateMachineForExecution(r -> r.executionArn(execution)).definition()).isEqualTo(PASS);
    }

    @Test
    void creatingTheSameMachineAgainIsIdempotentButAnotherDefinitionUnderItsNameIsRefused() {
        CreateStateMachineResponse first = sfn.createStateMachine(r -> r.name("m").definition(PASS)
                .roleArn(SfnClients.ROLE));
        CreateStateMachineResponse again = sfn.createStateMachine(r -> r.name("m").definition(PASS)
                .roleArn(SfnClients.ROLE));
        assertThat(again.creationDate()).isEqualTo(first.creationDate());
        assertThatThrownBy(() -> create("m", WAIT)).isInstanceOf(StateMachineAlreadyExistsException.class)
                .hasMessageContaining("State Machine Already Exists: '" + first.stateMachineArn() + "'");
    }

    @Test
    void aBadDefinitionIsRefusedWithInvalidDefinitionAndNothingIsCreated() {
        String bad = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}";
        assertThatThrownBy(() -> create("bad", bad)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Invalid State Machine Definition")
                .hasMessageContaining("MISSING_TRANSITION_TARGET");
        assertThat(sfn.listStateMachines(r -> { }).stateMachines()).isEmpty();
        var validated = sfn.validateStateMachineDefinition(r -> r.definition(bad));
        assertThat(validated.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(validated.diagnostics().get(0).code()).isEqualTo("MISSING_TRANSITION_TARGET");
        assertThat(sfn.validateStateMachineDefinition(r -> r.definition(PASS)).result())
                .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    }

    @Test
    void aRoleStepFunctionsMayNotAssumeIsRefusedInAwsWords() {
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("x").definition(PASS)
                .roleArn("arn:aws:iam::000000000000:role/Missing")))
                .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AccessDeniedException"))
                .hasMessageContaining("Neither the global service principal states.amazonaws.com, nor the regional one"
                        + " is authorized to assume the provided role.");
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("x").definition(PASS).roleArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("bad name").definition(PASS)
                .roleArn(SfnClients.ROLE))).isInstanceOf(InvalidNameException.class);
    }

    @Test
    void startingTwiceWithTheSameNameIsIdempotentWhileItRunsAndRefusedWithOtherInput() {
        String arn = create("waits", WAIT);
        String first = sfn.startExecution(r -> r.stateMachineArn(arn).name("once").input("{}")).executionArn();
        assertThat(sfn.startExecution(r -> r.stateMachineArn(arn).name("once").input("{}")).executionArn())
                .isEqualTo(first);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn).name("once").input("{\"b\":2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn).input("{not json")))
                .isInstanceOf(InvalidExecutionInputException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn + "-gone")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(first + "-gone")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void stopExecutionAbortsARunningExecutionAndListExecutionsFiltersByStatus() {
        String arn = create("waits", WAIT);
        String running = sfn.startExecution(r -> r.stateMachineArn(arn).name("a")).executionArn();
        String stopped = sfn.startExecution(r -> r.stateMachineArn(arn).name("b")).executionArn();
        sfn.stopExecution(r -> r.executionArn(stopped).error("Manual").cause("no longer needed"));
        DescribeExecutionResponse aborted = sfn.describeExecution(r -> r.executionArn(stopped));
        assertThat(aborted.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(stopped)).events())
                .extracting(HistoryEvent::type).contains(HistoryEventType.EXECUTION_ABORTED);

        ListExecutionsResponse all = sfn.listExecutions(r -> r.stateMachineArn(arn));
        assertThat(all.executions()).hasSize(2);
        assertThat(sfn.listExecutions(r -> r.stateMachineArn(arn).statusFilter(ExecutionStatus.RUNNING)).executions())
                .extracting(e -> e.executionArn()).containsExactly(running);
        ListExecutionsResponse page = sfn.listExecutions(r -> r.stateMachineArn(arn).maxResults(1));
        assertThat(page.executions()).hasSize(1);
        assertThat(sfn.listExecutions(r -> r.stateMachineArn(arn).maxResults(1).nextToken(page.nextToken()))
                .executions()).hasSize(1).doesNotContainAnyElementsOf(page.executions());
    }

    @Test
    void deletingAMachineWithARunningExecutionLeavesItDeletingUntilTheExecutionEnds() {
        String arn = create("waits", WAIT);
        String execution = sfn.startExecution(r -> r.stateMachineArn(arn)).executionArn();
        sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
        assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).status())
                .isEqualTo(StateMachineStatus.DELETING);
        sfn.stopExecution(r -> r.executionArn(execution));
        SfnClients.await(() -> sfn.listStateMachines(r -> { }).stateMachines().isEmpty(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void startSyncExecutionRunsAnExpressMachineToItsEndAndRefusesAStandardOne() {
        String express = sfn.createStateMachine(r -> r.name("fast").definition(PASS).roleArn(SfnClients.ROLE)
                .type(StateMachineType.EXPRESS)).stateMachineArn();
        StartSyncExecutionResponse done = sfn.startSyncExecution(r -> r.stateMachineArn(express).input("{\"a\":2}"));
        assertThat(done.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"a\":2,\"out\":{\"greeting\":\"hi\"}}");
        assertThat(done.executionArn()).startsWith("arn:aws:states:us-east-1:000000000000:express:fast:");
        String standard = create("slow", PASS);
        assertThatThrownBy(() -> sfn.startSyncExecution(r -> r.stateMachineArn(standard)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        String arn = sfn.createStateMachine(r -> r.name("tagged").definition(PASS).roleArn(SfnClients.ROLE)
                .tags(t -> t.key("team").value("ml"))).stateMachineArn();
        sfn.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("stage").value("dev")));
        assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags()).extracting(t -> t.key())
                .containsExactlyInAnyOrder("team", "stage");
        sfn.untagResource(r -> r.resourceArn(arn).tagKeys(List.of("team")));
        assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags()).extracting(t -> t.key())
                .containsExactly("stage");
    }

    @Test
    void callbacksWithATokenNoTaskHasAreRefused() {
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("nothing").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void updatingAMachineChangesItsDefinitionAndGivesARevision() {
        String arn = create("changes", PASS);
        var updated = sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(WAIT));
        assertThat(updated.revisionId()).isNotBlank();
        assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition()).isEqualTo(WAIT);
    }
}
