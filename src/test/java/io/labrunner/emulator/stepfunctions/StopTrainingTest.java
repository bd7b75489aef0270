package io.labrunner.emulator.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** Stopping an execution while its {@code .sync} training job runs stops the training job, as AWS does. */
class StopTrainingTest {
    private final Emulator emulator = Emulator.builder().port(0)
            .trainingTimings(new TrainingTimings(Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO, Duration.ZERO,
                    2))
            .build().start();
    private final SfnClient sfn = SfnClients.sfn(emulator);
    private final SageMakerClient sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
            .region(Region.of(emulator.getRegion())).credentialsProvider(SfnClients.credentials(emulator)).build();

    @AfterEach
    void close() {
        sfn.close();
        sagemaker.close();
        emulator.close();
    }

    @Test
    void stopExecutionMidTrainingStopsTheTrainingJob() {
        SfnClients.createRole(emulator);
        try (var s3 = SfnClients.s3(emulator)) {
            s3.createBucket(r -> r.bucket("mlbucket"));
            s3.putObject(r -> r.bucket("mlbucket").key("train/train.csv"),
                    RequestBody.fromString(ServiceIntegrationsTest.rows(200, 3)));
        }
        String machine = sfn.createStateMachine(r -> r.name("train").roleArn(SfnClients.ROLE).definition(
                "{\"StartAt\":\"Train\",\"States\":{\"Train\":" + ServiceIntegrationsTest.trainingTask(
                        "arn:aws:states:::sagemaker:createTrainingJob.sync", "\"End\":true") + "}}"))
                .stateMachineArn();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"jobName\":\"long-one\"}"))
                .executionArn();
        SfnClients.await(() -> sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream()
                .map(HistoryEvent::type).anyMatch(HistoryEventType.TASK_SUBMITTED::equals), Duration.ofSeconds(10));
        assertThat(sagemaker.describeTrainingJob(r -> r.trainingJobName("long-one")).trainingJobStatus())
                .isEqualTo(TrainingJobStatus.IN_PROGRESS);

        sfn.stopExecution(r -> r.executionArn(execution).cause("not needed"));

        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status()).isEqualTo(ExecutionStatus.ABORTED);
        SfnClients.await(() -> sagemaker.describeTrainingJob(r -> r.trainingJobName("long-one")).trainingJobStatus()
                == TrainingJobStatus.STOPPED, Duration.ofSeconds(10));
        assertThat(sagemaker.describeTrainingJob(r -> r.trainingJobName("long-one")).trainingJobStatus())
                .isEqualTo(TrainingJobStatus.STOPPED);
    }
}
