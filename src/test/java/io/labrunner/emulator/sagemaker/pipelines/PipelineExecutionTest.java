package io.labrunner.emulator.sagemaker.pipelines;

import static io.labrunner.emulator.sagemaker.pipelines.PipelineFixture.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribePipelineExecutionResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;
import software.amazon.awssdk.services.sagemaker.model.Parameter;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStep;
import software.amazon.awssdk.services.sagemaker.model.StepStatus;

/**
 * A pipeline on the emulator's real XGBoost: it trains, compares the validation AUC with a parameter, and either
 * registers and creates the model or fails with the Fail step's message; parameters given at the start override
 * the defaults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineExecutionTest {
    private Emulator emulator;
    private SageMakerClient sagemaker;
    private S3Client s3;

    @BeforeAll
    void start() {
        emulator = Emulator.builder().port(0).build().start();
        sagemaker = PipelineFixture.sageMaker(emulator);
        s3 = PipelineFixture.s3(emulator);
        PipelineFixture.uploadChurnData(s3, "mlbucket");
        sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("churn-models"));
        sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("strict-models"));
        sagemaker.createPipeline(r -> r.pipelineName("churn").roleArn(PipelineFixture.ROLE)
                .pipelineDefinition(PipelineFixture.trainCheckRegister("mlbucket")));
    }

    @AfterAll
    void stop() {
        sagemaker.close();
        s3.close();
        emulator.close();
    }

    @Test
    void aModelWhoseAucClearsTheBarIsTrainedRegisteredApprovedAndCreated() throws Exception {
        String arn = sagemaker.startPipelineExecution(r -> r.pipelineName("churn")).pipelineExecutionArn();
        DescribePipelineExecutionResponse execution = awaitEnd(sagemaker, arn);

        List<PipelineExecutionStep> steps = sagemaker.listPipelineExecutionSteps(r -> r.pipelineExecutionArn(arn))
                .pipelineExecutionSteps();
        assertThat(execution.pipelineExecutionStatus()).as("%s %s", execution.failureReason(), steps)
                .isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(execution.failureReason()).isNull();
        // Newest first; the two branch steps start together, after the condition.
        assertThat(steps).extracting(PipelineExecutionStep::stepName).hasSize(4)
                .endsWith("CheckAuc", "Train").containsOnly("Register", "CreateChurnModel", "CheckAuc", "Train");
        assertThat(steps).extracting(PipelineExecutionStep::stepStatus).containsOnly(StepStatus.SUCCEEDED);
        PipelineExecutionStep train = step(steps, "Train");
        assertThat(train.metadata().trainingJob().arn()).matches("arn:aws:sagemaker:us-east-1:000000000000:"
                + "training-job/pipelines-" + arn.substring(arn.lastIndexOf('/') + 1) + "-train-[a-z0-9]{10}");
        assertThat(step(steps, "CheckAuc").metadata().condition().outcomeAsString()).isEqualTo("True");
        assertThat(step(steps, "CreateChurnModel").metadata().model().arn()).contains(":model/pipelines-");

        String jobName = train.metadata().trainingJob().arn().substring(train.metadata().trainingJob().arn()
                .indexOf('/') + 1);
        DescribeTrainingJobResponse job = sagemaker.describeTrainingJob(r -> r.trainingJobName(jobName));
        assertThat(job.hyperParameters()).containsEntry("num_round", "30");
        assertThat(job.modelArtifacts().s3ModelArtifacts()).startsWith("s3://mlbucket/pipeline/"
                + arn.substring(arn.lastIndexOf('/') + 1) + "/");
        DescribeModelPackageResponse registered = sagemaker.describeModelPackage(r -> r.modelPackageName(
                step(steps, "Register").metadata().registerModel().arn()));
        assertThat(registered.modelPackageGroupName()).isEqualTo("churn-models");
        assertThat(registered.modelApprovalStatusAsString()).isEqualTo("Approved");
        assertThat(registered.inferenceSpecification().containers().get(0).modelDataUrl())
                .isEqualTo(job.modelArtifacts().s3ModelArtifacts());
        assertThat(sagemaker.listPipelineParametersForExecution(r -> r.pipelineExecutionArn(arn))
                .pipelineParameters()).extracting(Parameter::name, Parameter::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MinAuc", "0.7"),
                        org.assertj.core.groups.Tuple.tuple("Rounds", "30"),
                        org.assertj.core.groups.Tuple.tuple("Group", "churn-models"));
    }

    @Test
    void aBarTheModelCannotClearFailsTheExecutionWithTheFailStepsMessageAndRegistersNothing() throws Exception {
        String arn = sagemaker.startPipelineExecution(r -> r.pipelineName("churn").pipelineParameters(
                Parameter.builder().name("MinAuc").value("1.01").build(),
                Parameter.builder().name("Group").value("strict-models").build(),
                Parameter.builder().name("Rounds").value("5").build())).pipelineExecutionArn();
        DescribePipelineExecutionResponse execution = awaitEnd(sagemaker, arn);

        assertThat(execution.pipelineExecutionStatus()).isEqualTo(PipelineExecutionStatus.FAILED);
        assertThat(execution.failureReason()).isEqualTo("Step failure: One or multiple steps failed.");
        List<PipelineExecutionStep> steps = sagemaker.listPipelineExecutionSteps(r -> r.pipelineExecutionArn(arn))
                .pipelineExecutionSteps();
        assertThat(steps).extracting(PipelineExecutionStep::stepName).containsExactly("TooWeak", "CheckAuc", "Train");
        PipelineExecutionStep fail = step(steps, "TooWeak");
        assertThat(fail.stepStatus()).isEqualTo(StepStatus.FAILED);
        assertThat(fail.failureReason()).isEqualTo("Validation AUC is below 1.01");
        assertThat(fail.metadata().fail().errorMessage()).isEqualTo("Validation AUC is below 1.01");
        assertThat(step(steps, "CheckAuc").metadata().condition().outcomeAsString()).isEqualTo("False");
        assertThat(sagemaker.listModelPackages(r -> r.modelPackageGroupName("strict-models")).modelPackageSummaryList())
                .extracting(ModelPackageSummary::modelPackageArn).isEmpty();
        String jobArn = step(steps, "Train").metadata().trainingJob().arn();
        assertThat(sagemaker.describeTrainingJob(r -> r.trainingJobName(jobArn.substring(jobArn.indexOf('/') + 1)))
                .hyperParameters()).containsEntry("num_round", "5");
        assertThat(sagemaker.listPipelineExecutions(r -> r.pipelineName("churn")).pipelineExecutionSummaries())
                .filteredOn(s -> s.pipelineExecutionArn().equals(arn)).singleElement()
                .satisfies(s -> assertThat(s.pipelineExecutionFailureReason())
                        .isEqualTo("Step failure: One or multiple steps failed."));
    }

    private static PipelineExecutionStep step(List<PipelineExecutionStep> steps, String name) {
        return steps.stream().filter(s -> s.stepName().equals(name)).findFirst().orElseThrow();
    }
}
