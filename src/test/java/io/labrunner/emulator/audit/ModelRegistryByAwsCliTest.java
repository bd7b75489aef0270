package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Model Registry driven by the AWS CLI (botocore, sharing no code with the emulator): registering a
 * version, listing versions by approval status, approving one and deploying it as a model.
 */
class ModelRegistryByAwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    @Test
    void theCliRegistersListsApprovesAndDeploysAVersion(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.awsCliMissing();
        assumeTrue(missing == null, missing);
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            assertThat(clients.aws(endpoint, "s3", "mb", "s3://cli-lab").exitCode()).isZero();
            java.nio.file.Files.writeString(home.resolve("model.tar.gz"), "not read by the registry");
            assertThat(clients.aws(endpoint, "s3", "cp", home.resolve("model.tar.gz").toString(),
                    "s3://cli-lab/out/model.tar.gz").exitCode()).isZero();

            ExternalClients.Result group = clients.aws(endpoint, "sagemaker", "create-model-package-group",
                    "--model-package-group-name", "churn", "--model-package-group-description", "churn models");
            assertThat(group.exitCode()).as(group.stderr()).isZero();
            String spec = "{\"Containers\":[{\"Image\":\"" + IMAGE + "\",\"ModelDataUrl\":\"s3://cli-lab/out/"
                    + "model.tar.gz\"}],\"SupportedContentTypes\":[\"text/csv\"],\"SupportedResponseMIMETypes\":"
                    + "[\"text/csv\"],\"SupportedRealtimeInferenceInstanceTypes\":[\"ml.m5.large\"]}";
            for (int i = 0; i < 2; i++) {
                ExternalClients.Result version = clients.aws(endpoint, "sagemaker", "create-model-package",
                        "--model-package-group-name", "churn", "--inference-specification", spec,
                        "--model-metrics", "{\"ModelQuality\":{\"Statistics\":{\"ContentType\":\"application/json\","
                                + "\"S3Uri\":\"s3://cli-lab/eval/evaluation.json\"}}}");
                assertThat(version.exitCode()).as(version.stderr()).isZero();
                assertThat(JSON.readTree(version.stdout()).path("ModelPackageArn").asText())
                        .isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:model-package/churn/" + (i + 1));
            }

            ExternalClients.Result pending = clients.aws(endpoint, "sagemaker", "list-model-packages",
                    "--model-package-group-name", "churn", "--model-approval-status", "PendingManualApproval",
                    "--sort-by", "CreationTime", "--sort-order", "Ascending");
            assertThat(pending.exitCode()).as(pending.stderr()).isZero();
            JsonNode listed = JSON.readTree(pending.stdout()).path("ModelPackageSummaryList");
            assertThat(listed).hasSize(2);
            assertThat(listed.get(0).path("ModelPackageVersion").asInt()).isEqualTo(1);
            assertThat(listed.get(0).path("CreationTime").isNumber()).isTrue();

            String second = "arn:aws:sagemaker:us-east-1:000000000000:model-package/churn/2";
            ExternalClients.Result approved = clients.aws(endpoint, "sagemaker", "update-model-package",
                    "--model-package-arn", second, "--model-approval-status", "Approved",
                    "--approval-description", "beats version 1");
            assertThat(approved.exitCode()).as(approved.stderr()).isZero();
            JsonNode described = JSON.readTree(clients.aws(endpoint, "sagemaker", "describe-model-package",
                    "--model-package-name", "churn/2").stdout());
            assertThat(described.path("ModelApprovalStatus").asText()).isEqualTo("Approved");
            assertThat(described.path("ApprovalDescription").asText()).isEqualTo("beats version 1");
            assertThat(described.path("ModelMetrics").path("ModelQuality").path("Statistics").path("S3Uri").asText())
                    .isEqualTo("s3://cli-lab/eval/evaluation.json");
            assertThat(JSON.readTree(clients.aws(endpoint, "sagemaker", "list-model-packages",
                    "--model-package-group-name", "churn", "--model-approval-status", "Approved").stdout())
                    .path("ModelPackageSummaryList")).hasSize(1);

            ExternalClients.Result model = clients.aws(endpoint, "sagemaker", "create-model", "--model-name", "churn",
                    "--execution-role-arn", "arn:aws:iam::000000000000:role/SageMakerRole",
                    "--primary-container", "ModelPackageName=" + second);
            assertThat(model.exitCode()).as(model.stderr()).isZero();
            ExternalClients.Result notApproved = clients.aws(endpoint, "sagemaker", "create-model",
                    "--model-name", "churn-v1", "--execution-role-arn", "arn:aws:iam::000000000000:role/SageMakerRole",
                    "--primary-container", "ModelPackageName=churn/1");
            assertThat(notApproved.exitCode()).isNotZero();
            assertThat(notApproved.stderr()).contains("(ValidationException)").contains("PendingManualApproval");

            ExternalClients.Result groupInUse = clients.aws(endpoint, "sagemaker", "delete-model-package-group",
                    "--model-package-group-name", "churn");
            assertThat(groupInUse.exitCode()).isNotZero();
            assertThat(groupInUse.stderr()).contains("(ConflictException)");
        }
    }
}
