package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.FakeAlgorithm;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SageMaker's training jobs read and refused by the AWS CLI (botocore, sharing no code with the emulator):
 * a job created from the CLI's own JSON trains, and describe/list/tags parse, timestamps included.
 */
class SageMakerByAwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCliCreatesDescribesListsAndTagsATrainingJob(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.awsCliMissing();
        assumeTrue(missing == null, missing);
        try (Emulator emulator = Emulator.builder().port(0).algorithms(new FakeAlgorithm("sagemaker-xgboost"))
                .trainingTimings(TrainingTimings.instant(1)).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            assertThat(clients.aws(endpoint, "s3", "mb", "s3://cli-lab").exitCode()).isZero();
            java.nio.file.Files.writeString(home.resolve("a.csv"), "1,2\n3,4\n");
            assertThat(clients.aws(endpoint, "s3", "cp", home.resolve("a.csv").toString(), "s3://cli-lab/train/a.csv")
                    .exitCode()).isZero();

            ExternalClients.Result created = clients.aws(endpoint, "sagemaker", "create-training-job",
                    "--training-job-name", "cli-job", "--role-arn", "arn:aws:iam::000000000000:role/SageMakerRole",
                    "--algorithm-specification", "TrainingImage=683313688378.dkr.ecr.us-east-1.amazonaws.com/"
                            + "sagemaker-xgboost:1.7-1,TrainingInputMode=File",
                    "--hyper-parameters", "{\"rounds\":\"2\"}",
                    "--input-data-config", "[{\"ChannelName\":\"train\",\"ContentType\":\"text/csv\",\"DataSource\":"
                            + "{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://cli-lab/train/\"}}}]",
                    "--output-data-config", "S3OutputPath=s3://cli-lab/out",
                    "--resource-config", "InstanceType=ml.m5.large,InstanceCount=1,VolumeSizeInGB=5",
                    "--stopping-condition", "MaxRuntimeInSeconds=600",
                    "--tags", "Key=lab:run-id,Value=cli");
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            String arn = JSON.readTree(created.stdout()).path("TrainingJobArn").asText();
            assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-job/cli-job");

            ExternalClients.Result waited = clients.aws(endpoint, "sagemaker", "wait",
                    "training-job-completed-or-stopped", "--training-job-name", "cli-job");
            assertThat(waited.exitCode()).as(waited.stderr()).isZero();

            ExternalClients.Result described = clients.aws(endpoint, "sagemaker", "describe-training-job",
                    "--training-job-name", "cli-job");
            assertThat(described.exitCode()).as(described.stderr()).isZero();
            JsonNode job = JSON.readTree(described.stdout());
            assertThat(job.path("TrainingJobStatus").asText()).isEqualTo("Completed");
            assertThat(job.path("ModelArtifacts").path("S3ModelArtifacts").asText())
                    .isEqualTo("s3://cli-lab/out/cli-job/output/model.tar.gz");
            assertThat(job.path("SecondaryStatusTransitions")).hasSize(5);
            // CLI v1 prints timestamps as the service sent them: JSON protocols send epoch seconds.
            assertThat(job.path("TrainingEndTime").isNumber()).isTrue();
            assertThat(job.path("TrainingEndTime").asDouble()).isGreaterThanOrEqualTo(job.path("CreationTime").asDouble());
            assertThat(job.path("FinalMetricDataList").get(0).path("MetricName").asText()).isEqualTo("train:lines");

            ExternalClients.Result listed = clients.aws(endpoint, "sagemaker", "list-training-jobs",
                    "--status-equals", "Completed");
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            assertThat(JSON.readTree(listed.stdout()).path("TrainingJobSummaries").get(0).path("TrainingJobName")
                    .asText()).isEqualTo("cli-job");

            ExternalClients.Result tags = clients.aws(endpoint, "sagemaker", "list-tags", "--resource-arn", arn);
            assertThat(JSON.readTree(tags.stdout()).path("Tags").get(0).path("Value").asText()).isEqualTo("cli");

            ExternalClients.Result refused = clients.aws(endpoint, "sagemaker", "describe-training-job",
                    "--training-job-name", "no-such-job");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).contains("(ValidationException)").contains("Requested resource not found.");
        }
    }
}
