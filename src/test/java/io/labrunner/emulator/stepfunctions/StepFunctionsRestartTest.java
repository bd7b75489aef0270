package io.labrunner.emulator.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * State machines, executions and their history survive a restart with the same data folder; an execution that was
 * running when the emulator stopped is ended as FAILED (States.Runtime) rather than left RUNNING.
 */
class StepFunctionsRestartTest {

    @Test
    void machinesAndHistorySurviveARestartAndAnInterruptedExecutionEndsFailed(@TempDir Path data) {
        String machine;
        String finished;
        String interrupted;
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
                SfnClient sfn = SfnClients.sfn(emulator)) {
            SfnClients.createRole(emulator);
            machine = sfn.createStateMachine(r -> r.name("kept").definition(StepFunctionsApiTest.PASS)
                    .roleArn(SfnClients.ROLE)).stateMachineArn();
            finished = sfn.startExecution(r -> r.stateMachineArn(machine).name("done")).executionArn();
            SfnClients.awaitEnd(sfn, finished, Duration.ofSeconds(10));
            String waits = sfn.createStateMachine(r -> r.name("waits").definition(StepFunctionsApiTest.WAIT)
                    .roleArn(SfnClients.ROLE)).stateMachineArn();
            interrupted = sfn.startExecution(r -> r.stateMachineArn(waits).name("cut")).executionArn();
        }
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
                SfnClient sfn = SfnClients.sfn(emulator)) {
            assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(machine)).definition())
                    .isEqualTo(StepFunctionsApiTest.PASS);
            assertThat(sfn.describeExecution(r -> r.executionArn(finished)).status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(finished)).events()).extracting(HistoryEvent::type)
                    .containsExactly(HistoryEventType.EXECUTION_STARTED, HistoryEventType.PASS_STATE_ENTERED,
                            HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
            DescribeExecutionResponse cut = sfn.describeExecution(r -> r.executionArn(interrupted));
            assertThat(cut.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(cut.error()).isEqualTo("States.Runtime");
            assertThat(cut.cause()).contains("emulator stopped");
            var events = sfn.getExecutionHistory(r -> r.executionArn(interrupted)).events();
            assertThat(events.get(events.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_FAILED);
            assertThat(events.get(events.size() - 1).id()).isEqualTo(events.size());
        }
    }
}
