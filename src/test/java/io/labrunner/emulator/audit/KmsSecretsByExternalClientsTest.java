package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KMS and Secrets Manager as a learner types them: the AWS CLI v1 and v2 ({@code fileb://} blobs in and out) and
 * boto3, each an independent implementation of the protocol.
 */
class KmsSecretsByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's packaged AWS CLI v2, when installed. */
    private static final String CLI_V2 = "/usr/bin/aws";

    @Test
    void theAwsCliV1EncryptsDecryptsAndReadsSecrets(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        roundTrip(external, home, "aws");
    }

    @Test
    void theAwsCliV2EncryptsDecryptsAndReadsSecrets(@TempDir Path home) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI_V2)), "no packaged AWS CLI v2 here");
        ExternalClients external = new ExternalClients(home);
        ExternalClients.Result version = external.run(List.of(CLI_V2, "--version"));
        assumeTrue(version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2"), "not an AWS CLI v2");
        roundTrip(external, home, CLI_V2);
    }

    private static void roundTrip(ExternalClients external, Path home, String cli) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            ExternalClients.Result key = aws(external, cli, endpoint, "kms", "create-key", "--description", "cli");
            assertThat(key.exitCode()).as(key.stderr()).isZero();
            String keyId = JSON.readTree(key.stdout()).at("/KeyMetadata/KeyId").asText();
            assertThat(aws(external, cli, endpoint, "kms", "create-alias", "--alias-name", "alias/cli",
                    "--target-key-id", keyId).exitCode()).isZero();

            Path plain = home.resolve("plain.txt");
            Files.writeString(plain, "feature store password");
            ExternalClients.Result encrypted = aws(external, cli, endpoint, "kms", "encrypt", "--key-id", "alias/cli",
                    "--plaintext", "fileb://" + plain, "--encryption-context", "purpose=lab");
            assertThat(encrypted.exitCode()).as(encrypted.stderr()).isZero();
            Path blob = home.resolve("blob.bin");
            Files.write(blob, Base64.getDecoder().decode(JSON.readTree(encrypted.stdout()).path("CiphertextBlob")
                    .asText()));

            ExternalClients.Result decrypted = aws(external, cli, endpoint, "kms", "decrypt", "--ciphertext-blob",
                    "fileb://" + blob, "--encryption-context", "purpose=lab");
            assertThat(decrypted.exitCode()).as(decrypted.stderr()).isZero();
            JsonNode out = JSON.readTree(decrypted.stdout());
            assertThat(new String(Base64.getDecoder().decode(out.path("Plaintext").asText()), StandardCharsets.UTF_8))
                    .isEqualTo("feature store password");
            assertThat(out.path("KeyId").asText()).endsWith(":key/" + keyId);

            ExternalClients.Result wrongContext = aws(external, cli, endpoint, "kms", "decrypt", "--ciphertext-blob",
                    "fileb://" + blob, "--encryption-context", "purpose=other");
            assertThat(wrongContext.exitCode()).isNotZero();
            assertThat(wrongContext.stderr()).contains("(InvalidCiphertextException)");

            ExternalClients.Result created = aws(external, cli, endpoint, "secretsmanager", "create-secret",
                    "--name", "lab-cli-db", "--secret-string", "{\"password\":\"pw-1\"}");
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            assertThat(JSON.readTree(created.stdout()).path("ARN").asText()).matches(".*:secret:lab-cli-db-\\w{6}");
            ExternalClients.Result value = aws(external, cli, endpoint, "secretsmanager", "get-secret-value",
                    "--secret-id", "lab-cli-db");
            assertThat(value.exitCode()).as(value.stderr()).isZero();
            assertThat(JSON.readTree(value.stdout()).path("SecretString").asText()).isEqualTo("{\"password\":\"pw-1\"}");

            assertThat(aws(external, cli, endpoint, "secretsmanager", "delete-secret", "--secret-id", "lab-cli-db",
                    "--recovery-window-in-days", "7").exitCode()).isZero();
            ExternalClients.Result deleted = aws(external, cli, endpoint, "secretsmanager", "get-secret-value",
                    "--secret-id", "lab-cli-db");
            assertThat(deleted.exitCode()).isNotZero();
            assertThat(deleted.stderr()).contains("(InvalidRequestException)")
                    .contains("You can't perform this operation on the secret because it was marked for deletion.");
        }
    }

    @Test
    void boto3DetectsTamperingAndWalksSecretVersions(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = home.resolve("kms_secrets.py");
        Files.writeString(script, String.join("\n",
                "import boto3, json, sys",
                "kms = boto3.client('kms', endpoint_url=sys.argv[1])",
                "sm = boto3.client('secretsmanager', endpoint_url=sys.argv[1])",
                "key = kms.create_key()['KeyMetadata']['KeyId']",
                "blob = kms.encrypt(KeyId=key, Plaintext=b'hello', EncryptionContext={'a': 'b'})['CiphertextBlob']",
                "plain = kms.decrypt(CiphertextBlob=blob, EncryptionContext={'a': 'b'})['Plaintext'].decode()",
                "bad = bytearray(blob); bad[-1] ^= 1",
                "try:",
                "    kms.decrypt(CiphertextBlob=bytes(bad), EncryptionContext={'a': 'b'}); tamper = None",
                "except kms.exceptions.InvalidCiphertextException as e:",
                "    tamper = e.response['Error']['Code']",
                "sm.create_secret(Name='lab-boto-db', SecretString='one')",
                "sm.put_secret_value(SecretId='lab-boto-db', SecretString='two')",
                "prev = sm.get_secret_value(SecretId='lab-boto-db', VersionStage='AWSPREVIOUS')['SecretString']",
                "cur = sm.get_secret_value(SecretId='lab-boto-db')['SecretString']",
                "try:",
                "    sm.describe_secret(SecretId='nope'); missing = None",
                "except sm.exceptions.ResourceNotFoundException as e:",
                "    missing = e.response['Error']['Message']",
                "print(json.dumps({'plain': plain, 'tamper': tamper, 'prev': prev, 'cur': cur, 'missing': missing}))",
                ""));
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result result = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            JsonNode out = JSON.readTree(result.stdout());
            assertThat(out.path("plain").asText()).isEqualTo("hello");
            assertThat(out.path("tamper").asText()).isEqualTo("InvalidCiphertextException");
            assertThat(out.path("prev").asText()).isEqualTo("one");
            assertThat(out.path("cur").asText()).isEqualTo("two");
            assertThat(out.path("missing").asText()).isEqualTo("Secrets Manager can't find the specified secret.");
        }
    }

    private static ExternalClients.Result aws(ExternalClients external, String cli, String endpoint, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        return external.run(command);
    }
}
