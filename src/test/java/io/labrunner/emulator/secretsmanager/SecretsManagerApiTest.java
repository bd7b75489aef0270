package io.labrunner.emulator.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.AwsClients;
import io.labrunner.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Secrets Manager through the SDK v2 against the embedded emulator. */
class SecretsManagerApiTest {
    private static final String PASSWORD = "{\"username\":\"lab\",\"password\":\"s3cr3t-Pa55\"}";

    @TempDir
    Path data;
    private Emulator emulator;
    private AwsClients clients;
    private SecretsManagerClient secrets;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).dataDir(data).build().start();
        connect();
    }

    private void connect() {
        clients = new AwsClients(Optional.of(emulator.getEndpoint()), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        secrets = clients.secretsManager();
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void aSecretIsReadBackByNameAndByArnWithASixCharacterSuffix() {
        var created = secrets.createSecret(r -> r.name("lab/db").secretString(PASSWORD).description("db login"));
        assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:lab/db-[A-Za-z0-9]{6}");
        assertThat(created.versionId()).isNotBlank();

        var byName = secrets.getSecretValue(r -> r.secretId("lab/db"));
        assertThat(byName.secretString()).isEqualTo(PASSWORD);
        assertThat(byName.versionStages()).containsExactly("AWSCURRENT");
        assertThat(byName.versionId()).isEqualTo(created.versionId());
        assertThat(secrets.getSecretValue(r -> r.secretId(created.arn())).secretString()).isEqualTo(PASSWORD);

        var described = secrets.describeSecret(r -> r.secretId("lab/db"));
        assertThat(described.description()).isEqualTo("db login");
        assertThat(described.kmsKeyId()).isNull();
        assertThat(described.versionIdsToStages()).containsOnlyKeys(created.versionId());
        assertThat(described.lastAccessedDate()).isNotNull();
    }

    @Test
    void aNewValueBecomesCurrentAndTheOldOnePrevious() {
        var first = secrets.createSecret(r -> r.name("lab-rotating").secretString("one"));
        var second = secrets.putSecretValue(r -> r.secretId("lab-rotating").secretString("two"));
        assertThat(second.versionStages()).containsExactly("AWSCURRENT");
        assertThat(secrets.getSecretValue(r -> r.secretId("lab-rotating")).secretString()).isEqualTo("two");
        var previous = secrets.getSecretValue(r -> r.secretId("lab-rotating").versionStage("AWSPREVIOUS"));
        assertThat(previous.secretString()).isEqualTo("one");
        assertThat(previous.versionId()).isEqualTo(first.versionId());
        assertThat(secrets.getSecretValue(r -> r.secretId("lab-rotating").versionId(first.versionId())).secretString())
                .isEqualTo("one");
        assertThat(secrets.listSecretVersionIds(r -> r.secretId("lab-rotating")).versions()).hasSize(2);

        // Moving AWSCURRENT back by hand, as a rotation would.
        secrets.updateSecretVersionStage(r -> r.secretId("lab-rotating").versionStage("AWSCURRENT")
                .moveToVersionId(first.versionId()).removeFromVersionId(second.versionId()));
        assertThat(secrets.getSecretValue(r -> r.secretId("lab-rotating")).secretString()).isEqualTo("one");
        assertThat(secrets.getSecretValue(r -> r.secretId("lab-rotating").versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo("two");
        assertThatThrownBy(() -> secrets.updateSecretVersionStage(r -> r.secretId("lab-rotating")
                .versionStage("AWSCURRENT").moveToVersionId(second.versionId())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("RemoveFromVersionId");

        assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId("lab-rotating").versionStage("AWSPENDING")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(
                        "Secrets Manager can't find the specified secret value for staging label: AWSPENDING");
        assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId("lab-rotating")
                .versionId(first.versionId()).versionStage("AWSPREVIOUS")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("You provided a VersionStage that is not associated to the provided VersionId.");
    }

    @Test
    void theSameClientRequestTokenIsIdempotentAndADifferentValueUnderItIsRefused() {
        secrets.createSecret(r -> r.name("lab-token").secretString("v1"));
        String token = "11111111-2222-3333-4444-555555555555";
        secrets.putSecretValue(r -> r.secretId("lab-token").secretString("v2").clientRequestToken(token));
        var again = secrets.putSecretValue(r -> r.secretId("lab-token").secretString("v2").clientRequestToken(token));
        assertThat(again.versionId()).isEqualTo(token);
        assertThat(secrets.listSecretVersionIds(r -> r.secretId("lab-token")).versions()).hasSize(2);
        assertThatThrownBy(() -> secrets.putSecretValue(r -> r.secretId("lab-token").secretString("v3")
                .clientRequestToken(token))).isInstanceOf(ResourceExistsException.class);
        assertThatThrownBy(() -> secrets.createSecret(r -> r.name("lab-token").secretString("x")))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageContaining("The operation failed because the secret lab-token already exists.");
    }

    @Test
    void aDeletedSecretCannotBeReadUntilRestored() {
        secrets.createSecret(r -> r.name("lab-deleted").secretString("v"));
        assertThatThrownBy(() -> secrets.deleteSecret(r -> r.secretId("lab-deleted").recoveryWindowInDays(5L)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        assertThatThrownBy(() -> secrets.deleteSecret(r -> r.secretId("lab-deleted").recoveryWindowInDays(7L)
                .forceDeleteWithoutRecovery(true))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");

        var deleted = secrets.deleteSecret(r -> r.secretId("lab-deleted").recoveryWindowInDays(7L));
        assertThat(deleted.deletionDate()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId("lab-deleted")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(
                        "You can't perform this operation on the secret because it was marked for deletion.");
        assertThat(secrets.describeSecret(r -> r.secretId("lab-deleted")).deletedDate()).isNotNull();
        assertThat(secrets.listSecrets().secretList()).noneMatch(s -> s.name().equals("lab-deleted"));
        assertThat(secrets.listSecrets(r -> r.includePlannedDeletion(true)).secretList())
                .anyMatch(s -> s.name().equals("lab-deleted"));

        secrets.restoreSecret(r -> r.secretId("lab-deleted"));
        assertThat(secrets.getSecretValue(r -> r.secretId("lab-deleted")).secretString()).isEqualTo("v");

        secrets.deleteSecret(r -> r.secretId("lab-deleted").forceDeleteWithoutRecovery(true));
        assertThatThrownBy(() -> secrets.describeSecret(r -> r.secretId("lab-deleted")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Secrets Manager can't find the specified secret.");
    }

    @Test
    void binarySecretsTagsFiltersAndPolicies() {
        SdkBytes bytes = SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255});
        secrets.createSecret(r -> r.name("lab-binary").secretBinary(bytes).tags(t -> t.key("team").value("ml")));
        assertThat(secrets.getSecretValue(r -> r.secretId("lab-binary")).secretBinary()).isEqualTo(bytes);
        assertThatThrownBy(() -> secrets.createSecret(r -> r.name("lab-both").secretBinary(bytes).secretString("s")))
                .isInstanceOf(InvalidParameterException.class);

        secrets.tagResource(r -> r.secretId("lab-binary").tags(t -> t.key("lab:run-id").value("r1")));
        secrets.untagResource(r -> r.secretId("lab-binary").tagKeys("team"));
        assertThat(secrets.describeSecret(r -> r.secretId("lab-binary")).tags()).singleElement()
                .satisfies(t -> assertThat(t.key()).isEqualTo("lab:run-id"));
        assertThat(secrets.listSecrets(r -> r.filters(Filter.builder().key(FilterNameStringType.TAG_KEY)
                .values("lab:").build())).secretList()).extracting(s -> s.name()).containsExactly("lab-binary");
        assertThat(secrets.listSecrets(r -> r.filters(Filter.builder().key(FilterNameStringType.NAME)
                .values("other").build())).secretList()).isEmpty();

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"secretsmanager:DeleteSecret\",\"Resource\":\"*\"}]}";
        secrets.putResourcePolicy(r -> r.secretId("lab-binary").resourcePolicy(policy));
        assertThat(secrets.getResourcePolicy(r -> r.secretId("lab-binary")).resourcePolicy()).isEqualTo(policy);
        assertThatThrownBy(() -> secrets.putResourcePolicy(r -> r.secretId("lab-binary").resourcePolicy("{}")))
                .isInstanceOf(software.amazon.awssdk.services.secretsmanager.model.MalformedPolicyDocumentException.class);
        secrets.deleteResourcePolicy(r -> r.secretId("lab-binary"));
        assertThat(secrets.getResourcePolicy(r -> r.secretId("lab-binary")).resourcePolicy()).isNull();
    }

    @Test
    void aSecretUnderACustomerKeyCannotBeReadWhileTheKeyIsDisabled() {
        String keyId = clients.kms().createKey(r -> r.description("secrets")).keyMetadata().keyId();
        secrets.createSecret(r -> r.name("lab-cmk").secretString("v").kmsKeyId(keyId));
        assertThat(secrets.describeSecret(r -> r.secretId("lab-cmk")).kmsKeyId()).isEqualTo(keyId);
        clients.kms().disableKey(r -> r.keyId(keyId));
        assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId("lab-cmk")))
                .isInstanceOf(DecryptionFailureException.class);
        clients.kms().enableKey(r -> r.keyId(keyId));
        assertThat(secrets.getSecretValue(r -> r.secretId("lab-cmk")).secretString()).isEqualTo("v");
    }

    @Test
    void secretsSurviveARestartAndAreNeverOnDiskInPlaintext() throws Exception {
        secrets.createSecret(r -> r.name("lab-kept").secretString(PASSWORD));
        clients.close();
        emulator.close();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain("s3cr3t-Pa55");
            }
        }
        emulator = Emulator.builder().port(0).dataDir(data).build().start();
        connect();
        assertThat(secrets.getSecretValue(r -> r.secretId("lab-kept")).secretString()).isEqualTo(PASSWORD);
    }

    @Test
    void rotationNamesWhatTheEmulatorLacks() {
        secrets.createSecret(r -> r.name("lab-rotate").secretString("v"));
        assertThatThrownBy(() -> secrets.rotateSecret(r -> r.secretId("lab-rotate")))
                .hasMessageContaining("Lambda");
    }

    @Test
    void getRandomPasswordHonoursItsOptions() {
        String password = secrets.getRandomPassword(r -> r.passwordLength(20L).excludePunctuation(true))
                .randomPassword();
        assertThat(password).hasSize(20).matches("[A-Za-z0-9]+");
    }
}
