package io.labrunner.emulator.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.AwsClients;
import io.labrunner.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** KMS through the SDK v2 against the embedded emulator, as a learner's code would call it. */
class KmsApiTest {
    private static final SdkBytes SECRET = SdkBytes.fromUtf8String("the training data's passphrase");

    @TempDir
    Path data;
    private Emulator emulator;
    private AwsClients clients;
    private KmsClient kms;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).dataDir(data).build().start();
        connect();
    }

    private void connect() {
        clients = new AwsClients(Optional.of(emulator.getEndpoint()), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        kms = clients.kms();
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    private String newKey() {
        return kms.createKey(r -> r.description("lab key")).keyMetadata().keyId();
    }

    @Test
    void aNewKeyIsAnEnabledSymmetricKeyWithTheDefaultKeyPolicy() {
        var metadata = kms.createKey(r -> r.description("lab key")).keyMetadata();
        assertThat(metadata.keyId()).matches("[0-9a-f-]{36}");
        assertThat(metadata.arn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/" + metadata.keyId());
        assertThat(metadata.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(metadata.enabled()).isTrue();
        assertThat(metadata.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(metadata.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(metadata.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(metadata.keyManagerAsString()).isEqualTo("CUSTOMER");
        String policy = kms.getKeyPolicy(r -> r.keyId(metadata.keyId()).policyName("default")).policy();
        assertThat(policy).contains("\"Sid\" : \"Enable IAM User Permissions\"")
                .contains("arn:aws:iam::000000000000:root").contains("\"Action\" : \"kms:*\"");
        assertThat(kms.listKeys().keys()).anyMatch(k -> k.keyId().equals(metadata.keyId()));
    }

    @Test
    void encryptThenDecryptWithoutAKeyIdFindsTheKeyFromTheBlob() {
        String keyId = newKey();
        Map<String, String> context = Map.of("purpose", "training", "bucket", "lab-data");
        var encrypted = kms.encrypt(r -> r.keyId(keyId).plaintext(SECRET).encryptionContext(context));
        assertThat(new String(encrypted.ciphertextBlob().asByteArray(), StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET.asUtf8String());
        assertThat(encrypted.keyId()).endsWith(":key/" + keyId);

        var decrypted = kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(context));
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo(SECRET.asUtf8String());
        assertThat(decrypted.keyId()).isEqualTo(encrypted.keyId());
        assertThat(decrypted.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
    }

    @Test
    void aDifferentEncryptionContextATamperedBlobOrAnotherKeysIdAreRefused() {
        String keyId = newKey();
        String otherKey = newKey();
        SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SECRET).encryptionContext(Map.of("a", "1")))
                .ciphertextBlob();

        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("a", "2"))))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(blob)))
                .isInstanceOf(InvalidCiphertextException.class);

        byte[] tampered = blob.asByteArray();
        tampered[tampered.length - 3] ^= 1;
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(tampered))
                .encryptionContext(Map.of("a", "1")))).isInstanceOf(InvalidCiphertextException.class);

        // The header names the key: pointing it at another key fails the tag, not silently decrypts.
        byte[] moved = blob.asByteArray();
        System.arraycopy(otherKey.getBytes(StandardCharsets.US_ASCII), 0, moved, 1, 36);
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(moved))
                .encryptionContext(Map.of("a", "1")))).isInstanceOf(InvalidCiphertextException.class);

        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(blob).keyId(otherKey)
                .encryptionContext(Map.of("a", "1"))))
                .isInstanceOf(IncorrectKeyException.class)
                .hasMessageContaining("The key ID in the request does not identify a CMK that can perform this operation.");

        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromUtf8String("not a kms blob"))))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void disabledAndPendingDeletionKeysRefuseToEncryptInKmsWords() {
        String keyId = newKey();
        String arn = "arn:aws:kms:us-east-1:000000000000:key/" + keyId;
        kms.disableKey(r -> r.keyId(keyId));
        assertThatThrownBy(() -> kms.encrypt(r -> r.keyId(keyId).plaintext(SECRET)))
                .isInstanceOf(DisabledException.class).hasMessageStartingWith(arn + " is disabled.");
        kms.enableKey(r -> r.keyId(keyId));

        var scheduled = kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(7);
        assertThat(scheduled.deletionDate()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().deletionDate()).isEqualTo(scheduled.deletionDate());
        assertThatThrownBy(() -> kms.encrypt(r -> r.keyId(keyId).plaintext(SECRET)))
                .isInstanceOf(KmsInvalidStateException.class).hasMessageStartingWith(arn + " is pending deletion.");
        assertThatThrownBy(() -> kms.enableKey(r -> r.keyId(keyId)))
                .isInstanceOf(KmsInvalidStateException.class);

        var cancelled = kms.cancelKeyDeletion(r -> r.keyId(keyId));
        assertThat(cancelled.keyId()).isEqualTo(arn);
        assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
    }

    @Test
    void theWaitingPeriodIsSevenToThirtyDaysAndDefaultsToThirty() {
        String keyId = newKey();
        assertThatThrownBy(() -> kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(6)))
                .isInstanceOf(KmsException.class)
                .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
        assertThat(kms.scheduleKeyDeletion(r -> r.keyId(keyId)).pendingWindowInDays()).isEqualTo(30);
    }

    @Test
    void aliasesNameKeysAndFollowKmsRules() {
        String keyId = newKey();
        kms.createAlias(r -> r.aliasName("alias/lab-data").targetKeyId(keyId));
        SdkBytes blob = kms.encrypt(r -> r.keyId("alias/lab-data").plaintext(SECRET)).ciphertextBlob();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext()).isEqualTo(SECRET);
        assertThat(kms.describeKey(r -> r.keyId("arn:aws:kms:us-east-1:000000000000:alias/lab-data")).keyMetadata()
                .keyId()).isEqualTo(keyId);
        assertThat(kms.listAliases(r -> r.keyId(keyId)).aliases()).singleElement()
                .satisfies(a -> assertThat(a.aliasArn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:alias/lab-data"));

        assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("alias/lab-data").targetKeyId(keyId)))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(
                        "An alias with the name arn:aws:kms:us-east-1:000000000000:alias/lab-data already exists");
        assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("lab-data2").targetKeyId(keyId)))
                .hasMessageContaining("Alias must start with the prefix \"alias/\".");
        assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("alias/aws/mine").targetKeyId(keyId)))
                .isInstanceOf(KmsException.class);
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/none")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Alias arn:aws:kms:us-east-1:000000000000:alias/none is not found.");

        String other = newKey();
        kms.updateAlias(r -> r.aliasName("alias/lab-data").targetKeyId(other));
        assertThat(kms.describeKey(r -> r.keyId("alias/lab-data")).keyMetadata().keyId()).isEqualTo(other);
        kms.deleteAlias(r -> r.aliasName("alias/lab-data"));
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/lab-data"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAwsManagedKeyOfAServiceAppearsOnFirstUse() {
        var managed = kms.describeKey(r -> r.keyId("alias/aws/s3")).keyMetadata();
        assertThat(managed.keyManagerAsString()).isEqualTo("AWS");
        assertThat(emulator.keyRing().awsManagedKeyArn("s3", "us-east-1")).isEqualTo(managed.arn());
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(managed.keyId())).keyRotationEnabled()).isTrue();
    }

    @Test
    void aMalformedKeyPolicyIsRefusedAndAGoodOneIsKeptAsWritten() {
        String keyId = newKey();
        assertThatThrownBy(() -> kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default")
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\","
                        + "\"Resource\":\"*\"}]}")))
                .isInstanceOf(MalformedPolicyDocumentException.class).hasMessageContaining("Principal");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy(policy));
        assertThat(kms.getKeyPolicy(r -> r.keyId(keyId)).policy()).isEqualTo(policy);
        assertThat(emulator.keyRing().keyPolicy("arn:aws:kms:us-east-1:000000000000:key/" + keyId)).contains(policy);
    }

    @Test
    void rotationMakesNewMaterialAndOldBlobsStillDecrypt() {
        String keyId = newKey();
        SdkBytes before = kms.encrypt(r -> r.keyId(keyId).plaintext(SECRET)).ciphertextBlob();
        kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(90));
        var status = kms.getKeyRotationStatus(r -> r.keyId(keyId));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(90);
        kms.rotateKeyOnDemand(r -> r.keyId(keyId));
        SdkBytes after = kms.encrypt(r -> r.keyId(keyId).plaintext(SECRET)).ciphertextBlob();
        assertThat(kms.listKeyRotations(r -> r.keyId(keyId)).rotations()).hasSize(1);

        assertThat(kms.decrypt(r -> r.ciphertextBlob(before)).plaintext()).isEqualTo(SECRET);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(after)).plaintext()).isEqualTo(SECRET);
        // The material version in the header differs: the new blob is sealed under the new material.
        assertThat(java.util.Arrays.copyOfRange(after.asByteArray(), 37, 41))
                .isNotEqualTo(java.util.Arrays.copyOfRange(before.asByteArray(), 37, 41));
        kms.disableKeyRotation(r -> r.keyId(keyId));
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isFalse();
    }

    @Test
    void dataKeysAndReEncryptRoundTrip() {
        String keyId = newKey();
        String other = newKey();
        var dataKey = kms.generateDataKey(r -> r.keyId(keyId).keySpec("AES_256").encryptionContext(Map.of("k", "v")));
        assertThat(dataKey.plaintext().asByteArray()).hasSize(32);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(Map.of("k", "v")))
                .plaintext()).isEqualTo(dataKey.plaintext());
        var withoutPlaintext = kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).numberOfBytes(16));
        assertThat(kms.decrypt(r -> r.ciphertextBlob(withoutPlaintext.ciphertextBlob())).plaintext().asByteArray())
                .hasSize(16);
        assertThatThrownBy(() -> kms.generateDataKey(r -> r.keyId(keyId)))
                .hasMessageContaining("Please specify either number of bytes or key spec.");

        var reEncrypted = kms.reEncrypt(r -> r.ciphertextBlob(dataKey.ciphertextBlob())
                .sourceEncryptionContext(Map.of("k", "v")).destinationKeyId(other));
        assertThat(reEncrypted.sourceKeyId()).endsWith(keyId);
        assertThat(reEncrypted.keyId()).endsWith(other);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(reEncrypted.ciphertextBlob())).plaintext())
                .isEqualTo(dataKey.plaintext());
    }

    @Test
    void tagsAreAddedReplacedAndRemoved() {
        String keyId = kms.createKey(r -> r.tags(t -> t.tagKey("lab:run-id").tagValue("abc"))).keyMetadata().keyId();
        kms.tagResource(r -> r.keyId(keyId).tags(t -> t.tagKey("team").tagValue("ml")));
        kms.untagResource(r -> r.keyId(keyId).tagKeys("lab:run-id"));
        assertThat(kms.listResourceTags(r -> r.keyId(keyId)).tags()).singleElement()
                .satisfies(t -> assertThat(t.tagKey() + "=" + t.tagValue()).isEqualTo("team=ml"));
        assertThatThrownBy(() -> kms.tagResource(r -> r.keyId(keyId).tags(t -> t.tagKey("aws:x").tagValue("y"))))
                .hasMessageContaining("Tags beginning with aws: are reserved");
    }

    @Test
    void anUnknownKeyIsNotFoundInKmsWords() {
        String missing = "11111111-2222-3333-4444-555555555555";
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId(missing))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Key 'arn:aws:kms:us-east-1:000000000000:key/" + missing + "' does not exist");
        assertThatThrownBy(() -> kms.enableKey(r -> r.keyId("alias/anything"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Invalid keyId alias/anything");
    }

    @Test
    void keysAndTheirMaterialSurviveARestartSoOldBlobsStillDecrypt() {
        String keyId = newKey();
        kms.createAlias(r -> r.aliasName("alias/kept").targetKeyId(keyId));
        SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SECRET).encryptionContext(Map.of("a", "b")))
                .ciphertextBlob();
        clients.close();
        emulator.close();

        emulator = Emulator.builder().port(0).dataDir(data).build().start();
        connect();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("a", "b"))).plaintext())
                .isEqualTo(SECRET);
        assertThat(kms.describeKey(r -> r.keyId("alias/kept")).keyMetadata().keyId()).isEqualTo(keyId);
    }

    @Test
    void asymmetricKeysAreRefusedWithAClearReason() {
        assertThatThrownBy(() -> kms.createKey(r -> r.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")))
                .isInstanceOf(KmsException.class).hasMessageContaining("SYMMETRIC_DEFAULT");
    }
}
