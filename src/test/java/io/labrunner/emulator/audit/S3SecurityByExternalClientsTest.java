package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.s3.FakeKeyRing;
import io.labrunner.emulator.s3.SecuredS3;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 bucket policies and encryption as boto3 and the AWS CLI (v1 and v2) meet them: the deny-unencrypted and
 * deny-non-TLS policies deny (over plain HTTP every request is non-TLS), SSE-KMS is reported on PUT and HEAD
 * with the key's ARN, and Block Public Access refuses a public policy.
 */
class S3SecurityByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLI_V2 = "/usr/bin/aws";

    @Test
    void boto3MeetsBucketPoliciesEncryptionAndBlockPublicAccess(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = home.resolve("s3_security_by_boto3.py");
        try (InputStream in = S3SecurityByExternalClientsTest.class.getResourceAsStream("s3_security_by_boto3.py")) {
            Files.copy(in, script);
        }
        JsonNode seen;
        try (SecuredS3 s3 = new SecuredS3(home.resolve("data"), false, new IamService(), new FakeKeyRing())) {
            String keyArn = s3.keys().createKey("lab-data", "us-east-1");
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    s3.endpoint().toString(), keyArn));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = JSON.readTree(ran.stdout());
            assertThat(seen.path("putKey").asText()).isEqualTo(keyArn);
            assertThat(seen.path("headKey").asText()).isEqualTo(keyArn);
            assertThat(seen.path("defaultPutKey").asText()).isEqualTo(keyArn);
        }
        assertThat(seen.at("/blockPublicAccess/BlockPublicPolicy").asBoolean()).isTrue();
        assertThat(seen.path("defaultEncryption").asText()).isEqualTo("AES256");
        assertThat(seen.at("/plainPut/code").asText()).isEqualTo("AccessDenied");
        assertThat(seen.at("/plainPut/status").asInt()).isEqualTo(403);
        assertThat(seen.at("/plainPut/message").asText()).isEqualTo("User: arn:aws:iam::000000000000:root is not"
                + " authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::boto3-data/plain.csv\" with an"
                + " explicit deny in a resource-based policy");
        assertThat(seen.path("putSse").asText()).isEqualTo("aws:kms");
        assertThat(seen.path("headSse").asText()).isEqualTo("aws:kms");
        assertThat(seen.at("/missingKey/code").asText()).isEqualTo("KMS.NotFoundException");
        assertThat(seen.at("/publicPolicy/code").asText()).isEqualTo("AccessDenied");
        assertThat(seen.at("/publicPolicy/message").asText())
                .endsWith("because public policies are blocked by the BlockPublicPolicy block public access setting.");
        assertThat(seen.at("/httpGet/code").asText()).isEqualTo("AccessDenied");
        assertThat(seen.path("defaultPutBucketKey").asBoolean()).isTrue();
    }

    @Test
    void theAwsCliV1PutsPoliciesAndEncryptionAndHeadShowsTheKey(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        roundTrip(external, home, "aws", "v1");
    }

    @Test
    void theAwsCliV2PutsPoliciesAndEncryptionAndHeadShowsTheKey(@TempDir Path home) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI_V2)), "no packaged AWS CLI v2 here");
        ExternalClients external = new ExternalClients(home);
        ExternalClients.Result version = external.run(List.of(CLI_V2, "--version"));
        assumeTrue(version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2"), "not an AWS CLI v2");
        roundTrip(external, home, CLI_V2, "v2");
    }

    private static void roundTrip(ExternalClients external, Path home, String cli, String tag) throws Exception {
        try (SecuredS3 s3 = new SecuredS3(home.resolve("data"), false, new IamService(), new FakeKeyRing())) {
            String endpoint = s3.endpoint().toString();
            String keyArn = s3.keys().createKey("lab-data", "us-east-1");
            String bucket = "cli-" + tag;
            ok(external, cli, endpoint, "s3api", "create-bucket", "--bucket", bucket);
            Path body = Files.writeString(home.resolve("train.csv"), "a,b\n1,2\n");

            Path denyUnencrypted = Files.writeString(home.resolve("deny-unencrypted.json"), "{\"Version\":"
                    + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
                    + "\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\",\"Condition\":{\"Null\":"
                    + "{\"s3:x-amz-server-side-encryption\":\"true\"}}}]}");
            ok(external, cli, endpoint, "s3api", "put-bucket-policy", "--bucket", bucket, "--policy",
                    "file://" + denyUnencrypted);
            JsonNode policy = JSON.readTree(ok(external, cli, endpoint, "s3api", "get-bucket-policy", "--bucket",
                    bucket));
            assertThat(JSON.readTree(policy.path("Policy").asText()).at("/Statement/0/Effect").asText())
                    .isEqualTo("Deny");
            ExternalClients.Result plain = aws(external, cli, endpoint, "s3api", "put-object", "--bucket", bucket,
                    "--key", "plain.csv", "--body", body.toString());
            assertThat(plain.exitCode()).isNotZero();
            assertThat(plain.stderr()).contains("(AccessDenied)").contains("explicit deny in a resource-based policy");

            ok(external, cli, endpoint, "s3api", "put-bucket-encryption", "--bucket", bucket,
                    "--server-side-encryption-configuration", "{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":"
                            + "{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"alias/lab-data\"}}]}");
            JsonNode encryption = JSON.readTree(ok(external, cli, endpoint, "s3api", "get-bucket-encryption",
                    "--bucket", bucket));
            assertThat(encryption.at("/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault"
                    + "/KMSMasterKeyID").asText()).isEqualTo("alias/lab-data");
            JsonNode put = JSON.readTree(ok(external, cli, endpoint, "s3api", "put-object", "--bucket", bucket,
                    "--key", "train.csv", "--body", body.toString(), "--server-side-encryption", "aws:kms"));
            assertThat(put.path("SSEKMSKeyId").asText()).isEqualTo(s3.keys().awsManagedKeyArn("s3", "us-east-1"));
            JsonNode viaDefault = JSON.readTree(ok(external, cli, endpoint, "s3api", "put-object", "--bucket",
                    bucket, "--key", "explicit.csv", "--body", body.toString(), "--server-side-encryption", "aws:kms",
                    "--ssekms-key-id", "alias/lab-data"));
            assertThat(viaDefault.path("SSEKMSKeyId").asText()).isEqualTo(keyArn);
            JsonNode head = JSON.readTree(ok(external, cli, endpoint, "s3api", "head-object", "--bucket", bucket,
                    "--key", "explicit.csv"));
            assertThat(head.path("ServerSideEncryption").asText()).isEqualTo("aws:kms");
            assertThat(head.path("SSEKMSKeyId").asText()).isEqualTo(keyArn);

            Path denyHttp = Files.writeString(home.resolve("deny-http.json"), "{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":"
                    + "[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"],\"Condition\":{\"Bool\":"
                    + "{\"aws:SecureTransport\":\"false\"}}}]}");
            ok(external, cli, endpoint, "s3api", "put-bucket-policy", "--bucket", bucket, "--policy",
                    "file://" + denyHttp);
            ExternalClients.Result list = aws(external, cli, endpoint, "s3api", "list-objects-v2", "--bucket", bucket);
            assertThat(list.exitCode()).isNotZero();
            assertThat(list.stderr()).contains("(AccessDenied)").contains("s3:ListBucket");
            ok(external, cli, endpoint, "s3api", "delete-bucket-policy", "--bucket", bucket);
            ok(external, cli, endpoint, "s3api", "list-objects-v2", "--bucket", bucket);
        }
    }

    private static String ok(ExternalClients external, String cli, String endpoint, String... args) throws Exception {
        ExternalClients.Result result = aws(external, cli, endpoint, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.stderr()).isZero();
        return result.stdout().isBlank() ? "{}" : result.stdout();
    }

    private static ExternalClients.Result aws(ExternalClients external, String cli, String endpoint, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        return external.run(command);
    }
}
