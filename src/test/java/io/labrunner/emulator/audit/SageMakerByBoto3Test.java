package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SageMaker training as a learner's notebook drives it, with boto3 alone (sagemaker_by_boto3.py): built-in
 * XGBoost and Linear Learner train on a CSV set with a signal, the waiter ends, describe and list parse,
 * the container log reads back through CloudWatch Logs, and open-source xgboost (another Python, as
 * Debian ships it beside no boto3) loads the artifact and separates the validation classes. Bad input
 * fails the job in the container's words; refused requests show AWS's codes in boto3's ClientError.
 */
class SageMakerByBoto3Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void boto3TrainsXgboostAndLinearLearnerAndXgboostLoadsTheModel(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path work = Files.createDirectory(home.resolve("work"));
        Path script = copy("sagemaker_by_boto3.py", home);
        JsonNode seen;
        try (Emulator emulator = Emulator.builder().port(0).trainingTimings(TrainingTimings.instant(2)).build()
                .start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString(), work.toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = JSON.readTree(ran.stdout());
        }

        JsonNode xgb = seen.path("xgboost");
        assertThat(xgb.path("status").asText()).isEqualTo("Completed");
        // AWS lowercases the job name in its ARN.
        assertThat(xgb.path("arn").asText()).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-job/"
                + "boto3-xgb-job");
        assertThat(texts(xgb.path("secondary"))).containsExactly("Starting", "Downloading", "Training", "Uploading",
                "Completed");
        assertThat(xgb.path("metrics").has("train:auc")).as("%s", xgb.path("metrics")).isTrue();
        assertThat(xgb.path("metrics").path("validation:auc").asDouble()).isGreaterThan(0.8);
        assertThat(xgb.path("artifacts").asText()).isEqualTo("s3://boto3-lab/output/Boto3-XGB-Job/output/model.tar.gz");
        assertThat(xgb.path("image").asText()).endsWith("/sagemaker-xgboost:1.7-1");
        assertThat(xgb.path("inputMode").asText()).isEqualTo("File");
        assertThat(xgb.path("hyperParameters").path("eval_metric").asText()).isEqualTo("auc");
        assertThat(xgb.path("roleArn").asText()).isEqualTo("arn:aws:iam::000000000000:role/SageMakerRole");
        assertThat(texts(xgb.path("channels"))).containsExactly("train", "validation");
        assertThat(xgb.path("outputPath").asText()).isEqualTo("s3://boto3-lab/output");
        assertThat(xgb.path("instanceType").asText()).isEqualTo("ml.m5.large");
        assertThat(xgb.path("maxRuntime").asInt()).isEqualTo(600);
        assertThat(xgb.path("networkIsolation").asBoolean(true)).isFalse();
        assertThat(xgb.path("timesOrdered").asBoolean()).isTrue();
        assertThat(xgb.path("billable").isNumber()).isTrue();
        // NameContains matches case-insensitively on AWS.
        assertThat(texts(xgb.path("listed"))).containsExactly("Boto3-XGB-Job");
        // AWS names the stream <job>/algo-1-<epoch seconds of its creation>.
        assertThat(texts(xgb.path("logStreams"))).singleElement().asString().matches("Boto3-XGB-Job/algo-1-\\d{10}");
        assertThat(String.join("\n", texts(xgb.path("logLines")))).contains("[0]#011train-auc:")
                .contains("validation-auc:");
        assertThat(texts(xgb.path("archiveMembers"))).containsExactly("xgboost-model");

        JsonNode linear = seen.path("linear");
        assertThat(linear.path("status").asText()).as(linear.path("failure").asText()).isEqualTo("Completed");
        assertThat(linear.path("metrics").has("validation:binary_classification_accuracy"))
                .as("%s", linear.path("metrics")).isTrue();
        assertThat(linear.path("artifacts").asText()).endsWith("/boto3-linear-job/output/model.tar.gz");

        JsonNode failed = seen.path("failed");
        failed.fields().forEachRemaining(e -> assertThat(e.getValue().path("status").asText()).as(e.getKey())
                .isEqualTo("Failed"));
        assertThat(failed.path("unknownHyperparameter").path("reason").asText())
                .isEqualTo("ClientError: Extraneous hyperparameter found: not_a_parameter");
        assertThat(failed.path("noTrainChannel").path("reason").asText())
                .isEqualTo("ClientError: Missing required channel: train");
        assertThat(failed.path("malformedCsv").path("reason").asText()).startsWith("ClientError: ")
                .contains("header");
        assertThat(failed.path("textLabel").path("reason").asText()).startsWith("ClientError: ")
                .contains("non-numeric value 'yes' in the label");

        JsonNode refused = seen.path("refused");
        assertThat(refused.path("duplicateName").path("code").asText()).isEqualTo("ResourceInUse");
        assertThat(refused.path("duplicateName").path("message").asText()).isEqualTo("Training job names must be "
                + "unique within an AWS account and region, and a training job with this name already exists "
                + "(arn:aws:sagemaker:us-east-1:000000000000:training-job/boto3-xgb-job)");
        assertThat(refused.path("duplicateNameOtherCase").path("message").asText())
                .isEqualTo(refused.path("duplicateName").path("message").asText());
        // AWS prints the model's pattern as the model has it, without anchors (Lambda's recorded answers show it).
        assertThat(refused.path("badRoleArn").path("code").asText()).isEqualTo("ValidationException");
        assertThat(refused.path("badRoleArn").path("message").asText()).isEqualTo("1 validation error detected: "
                + "Value 'arn:aws:iam::123:role/SageMakerRole' at 'roleArn' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
        assertThat(refused.path("badS3Uri").path("code").asText()).isEqualTo("ValidationException");
        assertThat(refused.path("badS3Uri").path("message").asText()).isEqualTo("1 validation error detected: "
                + "Value 'bucket/output' at 'outputDataConfig.s3OutputPath' failed to satisfy constraint: Member "
                + "must satisfy regular expression pattern: (https|s3)://([^/]+)/?(.*)");
        assertThat(refused.path("unknownJob").path("code").asText()).isEqualTo("ValidationException");
        assertThat(refused.path("unknownJob").path("message").asText()).isEqualTo("Requested resource not found.");
        assertThat(seen.path("refusedLeftNoJob")).isEmpty();

        PythonWithXgboost python = PythonWithXgboost.find(clients);
        assumeTrue(python.command() != null, python.missing());
        ExternalClients.Result scored = clients.run(List.of(python.command(), copy("xgboost_auc.py", home).toString(),
                work.toString()));
        assertThat(scored.exitCode()).as(scored.stderr()).isZero();
        JsonNode auc = JSON.readTree(scored.stdout());
        assertThat(auc.path("rows").asInt()).isEqualTo(300);
        assertThat(auc.path("auc").asDouble()).as("xgboost %s", auc.path("version").asText()).isGreaterThan(0.8);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Path copy(String resource, Path folder) throws IOException {
        Path target = folder.resolve(resource);
        try (InputStream in = SageMakerByBoto3Test.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** The first Python that imports xgboost: LAB_TEST_PYTHON, python3, then Debian's /usr/bin/python3. */
    record PythonWithXgboost(String command, String missing) {
        static PythonWithXgboost find(ExternalClients clients) throws InterruptedException {
            List<String> tried = new ArrayList<>();
            for (String candidate : List.of(ExternalClients.PYTHON, "python3", "/usr/bin/python3")) {
                try {
                    if (clients.run(List.of(candidate, "-c", "import xgboost, numpy")).exitCode() == 0) {
                        return new PythonWithXgboost(candidate, null);
                    }
                } catch (IOException e) {
                    // not installed; try the next one
                }
                tried.add(candidate);
            }
            return new PythonWithXgboost(null, "no Python with xgboost and numpy among " + tried);
        }
    }
}
