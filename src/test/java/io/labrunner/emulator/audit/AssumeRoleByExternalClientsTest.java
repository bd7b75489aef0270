package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code aws sts assume-role} as a learner types it, with the AWS CLI v1 and v2 and boto3, on an emulator
 * enforcing IAM: the returned credentials identify the role session, read what the role's policy allows and are
 * refused the rest with IAM's exact message; boto3's presigned S3 URLs carry the session token.
 */
class AssumeRoleByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLI_V2 = "/usr/bin/aws";
    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/lab-reader";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"glue:GetTable\",\"Resource\":[\"arn:aws:glue:us-east-1:000000000000:catalog\","
            + "\"arn:aws:glue:us-east-1:000000000000:database/sales\","
            + "\"arn:aws:glue:us-east-1:000000000000:table/sales/orders\"]},"
            + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lab-data/*\"}]}";

    private static String deniedMessage(String session) {
        return "User: arn:aws:sts::000000000000:assumed-role/lab-reader/" + session + " is not authorized to perform:"
                + " glue:GetTable on resource: arn:aws:glue:us-east-1:000000000000:table/sales/salaries because no"
                + " identity-based policy allows the glue:GetTable action";
    }

    @TempDir
    Path home;
    private Emulator emulator;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).enforceIam(true).build().start();
        StaticCredentialsProvider root = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        try (IamClient iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(root).build();
             GlueClient glue = GlueClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(root).build();
             S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(root).build()) {
            iam.createRole(r -> r.roleName("lab-reader").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"000000000000\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
            iam.putRolePolicy(r -> r.roleName("lab-reader").policyName("read").policyDocument(POLICY));
            glue.createDatabase(r -> r.databaseInput(d -> d.name("sales")));
            glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("orders")));
            glue.createTable(r -> r.databaseName("sales").tableInput(t -> t.name("salaries")));
            s3.createBucket(r -> r.bucket("lab-data"));
            s3.putObject(r -> r.bucket("lab-data").key("train.csv"), RequestBody.fromString("a,b\n1,2\n"));
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theAwsCliV1AssumesTheRoleAndItsCredentialsAreAllowedAndDeniedAsThePolicySays() throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        assumeAndUse(external, "aws", "cli-v1");
    }

    @Test
    void theAwsCliV2AssumesTheRoleAndItsCredentialsAreAllowedAndDeniedAsThePolicySays() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI_V2)), "no packaged AWS CLI v2 here");
        ExternalClients external = new ExternalClients(home);
        ExternalClients.Result version = external.run(List.of(CLI_V2, "--version"));
        assumeTrue(version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2"), "not an AWS CLI v2");
        assumeAndUse(external, CLI_V2, "cli-v2");
    }

    @Test
    void boto3AssumesTheRoleAndSignsGlueCallsAndPresignedUrlsWithTheSession() throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = home.resolve("assume_role.py");
        try (var in = getClass().getResourceAsStream("assume_role.py")) {
            Files.copy(in, script);
        }
        ExternalClients.Result run = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                emulator.getEndpoint().toString(), ROLE_ARN, "lab-data", "train.csv"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode out = JSON.readTree(run.stdout());
        assertThat(out.path("keyPrefix").asText()).isEqualTo("ASIA");
        assertThat(out.path("assumedArn").asText()).isEqualTo("arn:aws:sts::000000000000:assumed-role/lab-reader/boto3");
        assertThat(out.path("callerArn").asText()).isEqualTo(out.path("assumedArn").asText());
        assertThat(out.path("allowedTable").asText()).isEqualTo("orders");
        assertThat(out.at("/denied/code").asText()).isEqualTo("AccessDeniedException");
        assertThat(out.at("/denied/status").asInt()).isEqualTo(400);
        assertThat(out.at("/denied/message").asText()).isEqualTo(deniedMessage("boto3"));
        assertThat(out.at("/presigned/status").asInt()).as(out.path("presigned").toString()).isEqualTo(200);
        assertThat(out.at("/presigned/body").asText()).isEqualTo("a,b\n1,2\n");
        assertThat(out.at("/presignedWithOtherToken/status").asInt()).isEqualTo(400);
        assertThat(out.at("/presignedWithOtherToken/body").asText()).contains("<Code>InvalidToken</Code>");
    }

    private void assumeAndUse(ExternalClients external, String cli, String session) throws Exception {
        String endpoint = emulator.getEndpoint().toString();
        ExternalClients.Result assumed = external.run(List.of(cli, "--endpoint-url", endpoint, "--output", "json",
                "sts", "assume-role", "--role-arn", ROLE_ARN, "--role-session-name", session));
        assertThat(assumed.exitCode()).as(assumed.stderr()).isZero();
        JsonNode credentials = JSON.readTree(assumed.stdout()).path("Credentials");
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", credentials.path("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", credentials.path("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", credentials.path("SessionToken").asText());

        ExternalClients.Result identity = external.run(List.of(cli, "--endpoint-url", endpoint, "--output", "json",
                "sts", "get-caller-identity"), env);
        assertThat(identity.exitCode()).as(identity.stderr()).isZero();
        assertThat(JSON.readTree(identity.stdout()).path("Arn").asText())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/lab-reader/" + session);

        ExternalClients.Result allowed = external.run(List.of(cli, "--endpoint-url", endpoint, "--output", "json",
                "glue", "get-table", "--database-name", "sales", "--name", "orders"), env);
        assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
        assertThat(JSON.readTree(allowed.stdout()).at("/Table/Name").asText()).isEqualTo("orders");

        ExternalClients.Result denied = external.run(List.of(cli, "--endpoint-url", endpoint, "--output", "json",
                "glue", "get-table", "--database-name", "sales", "--name", "salaries"), env);
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("An error occurred (AccessDeniedException) when calling the GetTable"
                + " operation: " + deniedMessage(session));
    }
}
