package io.labrunner.emulator.sagemaker.pipelines;

import static io.labrunner.emulator.sagemaker.pipelines.PipelineFixture.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStep;

/**
 * A Processing step on the image the emulator runs (Model Monitor's analyzer) with a property file: a Condition
 * reads the statistics it wrote to S3 with Std:JsonGet.
 */
class PipelineProcessingTest {
    private static final String ANALYZER = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer";
    private static final String DEFINITION = """
            {"Version": "2020-12-01",
             "Parameters": [{"Name": "MinRows", "Type": "Integer", "DefaultValue": 10}],
             "Steps": [
               {"Name": "Profile", "Type": "Processing",
                "PropertyFiles": [{"PropertyFileName": "Stats", "OutputName": "monitoring_output",
                                   "FilePath": "statistics.json"}],
                "Arguments": {
                  "RoleArn": "%s",
                  "AppSpecification": {"ImageUri": "%s"},
                  "ProcessingResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge",
                                                            "VolumeSizeInGB": 20}},
                  "Environment": {"dataset_format": "{\\"csv\\": {\\"header\\": true}}",
                                  "dataset_source": "/opt/ml/processing/input/baseline_dataset_input",
                                  "output_path": "/opt/ml/processing/output",
                                  "publish_cloudwatch_metrics": "Disabled"},
                  "ProcessingInputs": [{"InputName": "baseline_dataset_input", "S3Input": {
                    "S3Uri": "s3://data/rows/", "LocalPath": "/opt/ml/processing/input/baseline_dataset_input",
                    "S3DataType": "S3Prefix", "S3InputMode": "File"}}],
                  "ProcessingOutputConfig": {"Outputs": [{"OutputName": "monitoring_output", "S3Output": {
                    "S3Uri": {"Std:Join": {"On": "/", "Values": ["s3://data/profiles",
                      {"Get": "Execution.PipelineExecutionId"}]}},
                    "LocalPath": "/opt/ml/processing/output", "S3UploadMode": "EndOfJob"}}]}}},
               {"Name": "EnoughRows", "Type": "Condition", "Arguments": {
                 "Conditions": [{"Type": "GreaterThanOrEqualTo",
                   "LeftValue": {"Std:JsonGet": {"PropertyFile": {"Get": "Steps.Profile.PropertyFiles.Stats"},
                                                 "Path": "dataset.item_count"}},
                   "RightValue": {"Get": "Parameters.MinRows"}}],
                 "IfSteps": [],
                 "ElseSteps": [{"Name": "TooFew", "Type": "Fail", "Arguments": {"ErrorMessage": {"Std:Join": {
                   "On": " ", "Values": ["only",
                     {"Std:JsonGet": {"PropertyFile": {"Get": "Steps.Profile.PropertyFiles.Stats"},
                                      "Path": "dataset.item_count"}},
                     "rows in",
                     {"Get": "Steps.Profile.ProcessingOutputConfig.Outputs['monitoring_output'].S3Output.S3Uri"}]}}}}]}}]}
            """.formatted(PipelineFixture.ROLE, ANALYZER);

    @Test
    void aConditionReadsTheProcessingJobsStatisticsThroughItsPropertyFile() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
                SageMakerClient sagemaker = PipelineFixture.sageMaker(emulator);
                S3Client s3 = PipelineFixture.s3(emulator)) {
            s3.createBucket(r -> r.bucket("data"));
            StringBuilder csv = new StringBuilder("a,b\n");
            for (int i = 0; i < 40; i++) {
                csv.append(i).append(',').append(i * 0.5).append('\n');
            }
            s3.putObject(r -> r.bucket("data").key("rows/data.csv"), RequestBody.fromString(csv.toString()));
            sagemaker.createPipeline(r -> r.pipelineName("profile").roleArn(PipelineFixture.ROLE)
                    .pipelineDefinition(DEFINITION));

            String enough = sagemaker.startPipelineExecution(r -> r.pipelineName("profile")).pipelineExecutionArn();
            var passed = awaitEnd(sagemaker, enough);
            assertThat(passed.pipelineExecutionStatus()).as("%s %s", passed.failureReason(), steps(sagemaker, enough))
                    .isEqualTo(PipelineExecutionStatus.SUCCEEDED);
            assertThat(steps(sagemaker, enough).get(1).metadata().processingJob().arn())
                    .contains(":processing-job/pipelines-");

            String tooFew = sagemaker.startPipelineExecution(r -> r.pipelineName("profile")
                    .pipelineParameters(p -> p.name("MinRows").value("1000"))).pipelineExecutionArn();
            assertThat(awaitEnd(sagemaker, tooFew).pipelineExecutionStatus()).isEqualTo(PipelineExecutionStatus.FAILED);
            String id = tooFew.substring(tooFew.lastIndexOf('/') + 1);
            assertThat(steps(sagemaker, tooFew).get(0).failureReason())
                    .isEqualTo("only 40 rows in s3://data/profiles/" + id);
        }
    }

    private static List<PipelineExecutionStep> steps(SageMakerClient sagemaker, String arn) {
        return sagemaker.listPipelineExecutionSteps(r -> r.pipelineExecutionArn(arn)).pipelineExecutionSteps();
    }
}
