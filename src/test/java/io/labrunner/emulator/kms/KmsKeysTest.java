package io.labrunner.emulator.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key store on its own, with a clock the test moves: waiting periods and rotation dates passing. */
class KmsKeysTest {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final KmsKeys keys = new KmsKeys("000000000000", StateStore.none(), clock);
    private final byte[] plaintext = "a secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void aKeyIsDeletedWhenItsWaitingPeriodEndsAndItsBlobsNoLongerOpen() {
        KmsKey key = keys.create("us-east-1", "", null, Map.of(), "CUSTOMER");
        byte[] blob = keys.encrypt(key.keyId(), plaintext, Map.of(), "us-east-1");
        keys.scheduleDeletion(key, 7);
        now = now.plus(Duration.ofDays(7)).minusSeconds(1);
        assertThatThrownBy(() -> keys.decrypt(blob, Map.of())).isInstanceOf(AwsException.class)
                .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("KMSInvalidStateException"));
        now = now.plusSeconds(1);
        assertThatThrownBy(() -> keys.decrypt(blob, Map.of())).isInstanceOf(AwsException.class)
                .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("InvalidCiphertextException"));
        assertThatThrownBy(() -> keys.find("us-east-1", key.keyId(), false))
                .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("NotFoundException"));
    }

    @Test
    void automaticRotationAddsMaterialOnItsDateAndKeepsTheOld() {
        KmsKey key = keys.create("us-east-1", "", null, Map.of(), "CUSTOMER");
        byte[] old = keys.encrypt(key.keyId(), plaintext, Map.of(), "us-east-1");
        keys.save(key.withRotation(true, 90, now.plus(Duration.ofDays(90))));
        now = now.plus(Duration.ofDays(91));
        byte[] fresh = keys.encrypt(key.keyId(), plaintext, Map.of(), "us-east-1");
        assertThat(Ciphertexts.header(fresh).orElseThrow().materialVersion()).isEqualTo(1);
        assertThat(keys.decrypt(old, Map.of()).plaintext()).isEqualTo(plaintext);
        assertThat(keys.find("us-east-1", key.keyId(), false).rotations()).singleElement()
                .satisfies(r -> assertThat(r.type()).isEqualTo("AUTOMATIC"));
    }

    @Test
    void aKeyOfAnotherRegionIsNotFoundThroughTheApiButItsBlobsOpenInProcess() {
        KmsKey key = keys.create("eu-west-1", "", null, Map.of(), "CUSTOMER");
        byte[] blob = keys.encrypt(key.arn(), plaintext, Map.of(), "eu-west-1");
        assertThatThrownBy(() -> keys.find("us-east-1", key.keyId(), true)).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> keys.open(blob, Map.of(), "us-east-1")).isInstanceOf(AwsException.class);
        assertThat(keys.decrypt(blob, Map.of()).keyArn()).isEqualTo(key.arn());
    }

    @Test
    void accessRequestsCarryTheKeyPolicyAndTheEncryptionContext() {
        KmsKey key = keys.create("us-east-1", "", null, Map.of(), "CUSTOMER");
        var request = KmsAccess.request(keys, "kms:Decrypt", key.arn(), Map.of("bucket", "lab"),
                "s3.us-east-1.amazonaws.com");
        assertThat(request.resource()).isEqualTo(key.arn());
        assertThat(request.resourcePolicy()).isNotNull();
        assertThat(request.keys()).containsEntry("kms:EncryptionContext:bucket", java.util.List.of("lab"))
                .containsEntry("kms:ViaService", java.util.List.of("s3.us-east-1.amazonaws.com"));
    }
}
