package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in XGBoost trained the way the SageMaker guides show it from a shell: the AWS CLI's
 * {@code --cli-input-json}, its waiter, describe, list with {@code --name-contains}, and the container log
 * through {@code aws logs filter-log-events}. Every answer must parse in the CLI and hold the fields the
 * guides read; a job whose hyperparameters the container refuses fails with its reason.
 */
class SageMakerTrainingByAwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    @Test
    void theCliTrainsXgboostFromCliInputJsonAndReadsItsLog(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.awsCliMissing();
        assumeTrue(missing == null, missing);
        Files.writeString(home.resolve("train.csv"), signal(400, 7));
        try (Emulator emulator = Emulator.builder().port(0).trainingTimings(TrainingTimings.instant(1)).build()
                .start()) {
            String endpoint = emulator.getEndpoint().toString();
            // The s3 commands print text, not JSON.
            assertThat(clients.aws(endpoint, "s3", "mb", "s3://cli-xgb").exitCode()).isZero();
            assertThat(clients.aws(endpoint, "s3", "cp", home.resolve("train.csv").toString(),
                    "s3://cli-xgb/train/train.csv").exitCode()).isZero();

            Path input = home.resolve("job.json");
            Files.writeString(input, job("Cli-Xgb-Job", "{\"objective\":\"binary:logistic\",\"num_round\":\"10\"}"));
            JsonNode created = ok(clients.aws(endpoint, "sagemaker", "create-training-job", "--cli-input-json",
                    "file://" + input));
            assertThat(created.path("TrainingJobArn").asText())
                    .isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-job/cli-xgb-job");
            ok(clients.aws(endpoint, "sagemaker", "wait", "training-job-completed-or-stopped", "--training-job-name",
                    "Cli-Xgb-Job"));

            JsonNode job = ok(clients.aws(endpoint, "sagemaker", "describe-training-job", "--training-job-name",
                    "Cli-Xgb-Job"));
            assertThat(job.path("TrainingJobStatus").asText()).as("%s", job.path("FailureReason")).isEqualTo("Completed");
            assertThat(job.path("ModelArtifacts").path("S3ModelArtifacts").asText())
                    .isEqualTo("s3://cli-xgb/output/Cli-Xgb-Job/output/model.tar.gz");
            assertThat(names(job.path("FinalMetricDataList"), "MetricName")).containsExactly("train:logloss");
            assertThat(names(job.path("SecondaryStatusTransitions"), "Status")).containsExactly("Starting",
                    "Downloading", "Training", "Uploading", "Completed");
            assertThat(job.path("AlgorithmSpecification").path("TrainingImage").asText()).isEqualTo(IMAGE);
            assertThat(job.path("HyperParameters").path("num_round").asText()).isEqualTo("10");
            assertThat(job.path("ResourceConfig").path("InstanceCount").asInt()).isEqualTo(1);
            assertThat(job.path("StoppingCondition").path("MaxRuntimeInSeconds").asInt()).isEqualTo(3600);
            assertThat(job.path("LastModifiedTime").isNumber()).isTrue();

            JsonNode listed = ok(clients.aws(endpoint, "sagemaker", "list-training-jobs", "--name-contains", "xgb-job"));
            assertThat(names(listed.path("TrainingJobSummaries"), "TrainingJobName")).containsExactly("Cli-Xgb-Job");

            JsonNode events = ok(clients.aws(endpoint, "logs", "filter-log-events", "--log-group-name",
                    "/aws/sagemaker/TrainingJobs", "--log-stream-name-prefix", "Cli-Xgb-Job/"));
            List<String> lines = names(events.path("events"), "message");
            assertThat(lines).anyMatch(line -> line.startsWith("[9]#011train-logloss:"));
            assertThat(names(events.path("events"), "logStreamName")).allMatch(s -> s.startsWith("Cli-Xgb-Job/algo-1-"));

            Files.writeString(input, job("cli-bad-hyper", "{\"num_round\":\"10\",\"max_depth\":\"deep\"}"));
            ok(clients.aws(endpoint, "sagemaker", "create-training-job", "--cli-input-json", "file://" + input));
            ExternalClients.Result waited = clients.aws(endpoint, "sagemaker", "wait",
                    "training-job-completed-or-stopped", "--training-job-name", "cli-bad-hyper");
            // The CLI's waiter stops on Failed as a failure state, as it does against AWS.
            assertThat(waited.exitCode()).isNotZero();
            assertThat(waited.stderr()).contains("Waiter TrainingJobCompletedOrStopped failed");
            JsonNode failed = ok(clients.aws(endpoint, "sagemaker", "describe-training-job", "--training-job-name",
                    "cli-bad-hyper"));
            assertThat(failed.path("TrainingJobStatus").asText()).isEqualTo("Failed");
            assertThat(failed.path("FailureReason").asText()).startsWith("ClientError: Hyperparameter max_depth:");

            ExternalClients.Result duplicate = clients.aws(endpoint, "sagemaker", "create-training-job",
                    "--cli-input-json", "file://" + input);
            assertThat(duplicate.exitCode()).isNotZero();
            assertThat(duplicate.stderr()).contains("An error occurred (ResourceInUse) when calling the "
                    + "CreateTrainingJob operation: Training job names must be unique within an AWS account and region, "
                    + "and a training job with this name already exists (arn:aws:sagemaker:us-east-1:000000000000:"
                    + "training-job/cli-bad-hyper)");
        }
    }

    private static String job(String name, String hyperParameters) {
        return "{\"TrainingJobName\":\"" + name + "\",\"RoleArn\":\"arn:aws:iam::000000000000:role/SageMakerRole\","
                + "\"AlgorithmSpecification\":{\"TrainingImage\":\"" + IMAGE + "\",\"TrainingInputMode\":\"File\"},"
                + "\"HyperParameters\":" + hyperParameters + ","
                + "\"InputDataConfig\":[{\"ChannelName\":\"train\",\"ContentType\":\"text/csv\",\"DataSource\":"
                + "{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://cli-xgb/train/\"}}}],"
                + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://cli-xgb/output\"},"
                + "\"ResourceConfig\":{\"InstanceType\":\"ml.m5.xlarge\",\"InstanceCount\":1,\"VolumeSizeInGB\":5},"
                + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":3600}}";
    }

    /** label,x1,x2 with no header: the label follows x1 - x2. */
    private static String signal(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            out.append(x1 - x2 + 0.3 * random.nextGaussian() > 0 ? 1 : 0).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.4f,%.4f%n", x1, x2));
        }
        return out.toString();
    }

    private static JsonNode ok(ExternalClients.Result result) throws java.io.IOException {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
