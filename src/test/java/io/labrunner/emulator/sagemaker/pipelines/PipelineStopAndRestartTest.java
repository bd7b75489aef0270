package io.labrunner.emulator.sagemaker.pipelines;

import static io.labrunner.emulator.sagemaker.pipelines.PipelineFixture.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.FakeAlgorithm;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStep;
import software.amazon.awssdk.services.sagemaker.model.StepStatus;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * StopPipelineExecution stops the training job a step waits for (Stopping, then Stopped); an execution running
 * when the emulator stops comes back Failed, not Executing forever; pipelines and finished executions survive.
 */
class PipelineStopAndRestartTest {
    /** One slow training step: the stand-in algorithm takes 50 ms a round for 1000 rounds. */
    private static final String SLOW_TRAIN_ONLY = """
            {"Version": "2020-12-01", "Steps": [{"Name": "Train", "Type": "Training", "Arguments": %s}]}
            """.formatted(PipelineFixture.trainingArguments("lab", "{\"rounds\": \"1000\", \"round_ms\": \"50\"}"));

    private static Emulator start(Path dataDir) {
        Emulator.Builder builder = Emulator.builder().port(0).algorithms(new FakeAlgorithm("sagemaker-xgboost"))
                .trainingTimings(TrainingTimings.instant(2));
        return (dataDir == null ? builder : builder.dataDir(dataDir)).build().start();
    }

    @Test
    void stoppingAnExecutionMidTrainingStopsTheTrainingJob() throws Exception {
        try (Emulator emulator = start(null); SageMakerClient sagemaker = PipelineFixture.sageMaker(emulator);
                S3Client s3 = PipelineFixture.s3(emulator)) {
            PipelineFixture.uploadChurnData(s3, "lab");
            sagemaker.createPipeline(r -> r.pipelineName("slow").roleArn(PipelineFixture.ROLE)
                    .pipelineDefinition(SLOW_TRAIN_ONLY));
            String arn = sagemaker.startPipelineExecution(r -> r.pipelineName("slow")).pipelineExecutionArn();
            String job = trainingJobOnceTraining(sagemaker, arn);

            sagemaker.stopPipelineExecution(r -> r.pipelineExecutionArn(arn));
            assertThat(sagemaker.describePipelineExecution(r -> r.pipelineExecutionArn(arn))
                    .pipelineExecutionStatus()).isEqualTo(PipelineExecutionStatus.STOPPING);
            assertThat(awaitEnd(sagemaker, arn).pipelineExecutionStatus()).isEqualTo(PipelineExecutionStatus.STOPPED);

            assertThat(sagemaker.describeTrainingJob(r -> r.trainingJobName(job)).trainingJobStatus())
                    .isEqualTo(TrainingJobStatus.STOPPED);
            assertThat(sagemaker.listPipelineExecutionSteps(r -> r.pipelineExecutionArn(arn)).pipelineExecutionSteps())
                    .extracting(PipelineExecutionStep::stepName, PipelineExecutionStep::stepStatus)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Train", StepStatus.STOPPED));
        }
    }

    @Test
    void anExecutionRunningWhenTheEmulatorStopsComesBackFailedAndTheRestAsItWas(@TempDir Path dataDir)
            throws Exception {
        String running;
        String pipelineArn;
        try (Emulator first = start(dataDir); SageMakerClient sagemaker = PipelineFixture.sageMaker(first);
                S3Client s3 = PipelineFixture.s3(first)) {
            PipelineFixture.uploadChurnData(s3, "lab");
            pipelineArn = sagemaker.createPipeline(r -> r.pipelineName("slow").roleArn(PipelineFixture.ROLE)
                    .pipelineDefinition(SLOW_TRAIN_ONLY)).pipelineArn();
            running = sagemaker.startPipelineExecution(r -> r.pipelineName("slow")).pipelineExecutionArn();
            trainingJobOnceTraining(sagemaker, running);
        }
        try (Emulator second = start(dataDir); SageMakerClient sagemaker = PipelineFixture.sageMaker(second)) {
            assertThat(sagemaker.describePipeline(r -> r.pipelineName("slow")).pipelineArn()).isEqualTo(pipelineArn);
            var execution = sagemaker.describePipelineExecution(r -> r.pipelineExecutionArn(running));
            assertThat(execution.pipelineExecutionStatus()).isEqualTo(PipelineExecutionStatus.FAILED);
            assertThat(execution.failureReason()).isEqualTo(PipelineOperations.INTERRUPTED);
            List<PipelineExecutionStep> steps = sagemaker.listPipelineExecutionSteps(r -> r.pipelineExecutionArn(
                    running)).pipelineExecutionSteps();
            assertThat(steps).extracting(PipelineExecutionStep::stepStatus).containsExactly(StepStatus.FAILED);
        }
    }

    /** Waits until the execution's training step has a job that is training, and answers the job's name. */
    private static String trainingJobOnceTraining(SageMakerClient sagemaker, String executionArn)
            throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<PipelineExecutionStep> steps = sagemaker.listPipelineExecutionSteps(r -> r.pipelineExecutionArn(
                    executionArn)).pipelineExecutionSteps();
            if (!steps.isEmpty() && steps.get(0).metadata() != null && steps.get(0).metadata().trainingJob() != null) {
                String arn = steps.get(0).metadata().trainingJob().arn();
                String name = arn.substring(arn.indexOf('/') + 1);
                if ("Training".equals(sagemaker.describeTrainingJob(r -> r.trainingJobName(name))
                        .secondaryStatusAsString())) {
                    return name;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the training step never got to Training");
    }
}
