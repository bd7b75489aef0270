package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Capability;
import io.labrunner.core.Leftovers;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.emulator.Emulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.model.KeyState;

/** The ledger's KMS keys, aliases and secrets: tagged, found as leftovers, swept and deleted as on AWS. */
class KmsSecretsCleanupTest {
    private static final Set<Capability> CAPABILITIES = Set.of(Capability.S3, Capability.KMS,
            Capability.SECRETS_MANAGER);
    private final Emulator emulator = Emulator.builder().port(0).build().start();
    private final AwsClients clients = new AwsClients(Optional.of(emulator.getEndpoint()),
            Region.of(emulator.getRegion()), EndpointTarget.emulatorCredentials());

    @AfterEach
    void close() {
        clients.close();
        emulator.close();
    }

    @Test
    void aKeyIsScheduledForDeletionInSevenDaysAndThenAlreadyGone() throws InterruptedException {
        String keyId = clients.kms().createKey(r -> { }).keyMetadata().keyId();
        ResourceDeleter deleter = new ResourceDeleter(clients);
        assertThat(deleter.delete(Resource.kmsKey(keyId))).isEqualTo(Deletion.DELETED);
        var metadata = clients.kms().describeKey(r -> r.keyId(keyId)).keyMetadata();
        assertThat(metadata.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(metadata.pendingDeletionWindowInDays()).isEqualTo(7);
        assertThat(deleter.delete(Resource.kmsKey(keyId))).isEqualTo(Deletion.ALREADY_GONE);
        assertThat(deleter.delete(Resource.kmsKey("11111111-2222-3333-4444-555555555555")))
                .isEqualTo(Deletion.ALREADY_GONE);
    }

    @Test
    void aliasesAndSecretsAreDeletedAndThenAlreadyGone() throws InterruptedException {
        String keyId = clients.kms().createKey(r -> { }).keyMetadata().keyId();
        clients.kms().createAlias(r -> r.aliasName("alias/lab-k3f9x2-data").targetKeyId(keyId));
        clients.secretsManager().createSecret(r -> r.name("lab-k3f9x2-db").secretString("pw"));
        ResourceDeleter deleter = new ResourceDeleter(clients);

        // The key has no name: the run's alias finds it, until its deletion is scheduled.
        assertThat(new Leftovers(clients, CAPABILITIES).find("k3f9x2")).containsExactlyInAnyOrder(
                "KMS key " + keyId, "KMS alias alias/lab-k3f9x2-data", "Secrets Manager secret lab-k3f9x2-db");
        assertThat(deleter.delete(Resource.kmsAlias("alias/lab-k3f9x2-data"))).isEqualTo(Deletion.DELETED);
        assertThat(deleter.delete(Resource.kmsAlias("alias/lab-k3f9x2-data"))).isEqualTo(Deletion.ALREADY_GONE);
        assertThat(deleter.delete(Resource.secret("lab-k3f9x2-db"))).isEqualTo(Deletion.DELETED);
        assertThat(deleter.delete(Resource.secret("lab-k3f9x2-db"))).isEqualTo(Deletion.ALREADY_GONE);
        assertThat(new Leftovers(clients, CAPABILITIES).find("k3f9x2")).isEmpty();
    }

    @Test
    void keysAndSecretsAreTaggedAndASweepFindsThemByTagAndByName() {
        String keyArn = clients.kms().createKey(r -> { }).keyMetadata().arn();
        clients.kms().createAlias(r -> r.aliasName("alias/lab-k3f9x2-data").targetKeyId(keyArn));
        String secretArn = clients.secretsManager().createSecret(r -> r.name("lab-k3f9x2-db").secretString("pw")).arn();
        AwsResourceTagger tagger = new AwsResourceTagger(clients);
        tagger.tag(Resource.kmsKey(keyArn), Map.of("lab:run-id", "k3f9x2"));
        tagger.tag(Resource.secret("lab-k3f9x2-db"), Map.of("lab:run-id", "k3f9x2"));
        assertThat(clients.kms().listResourceTags(r -> r.keyId(keyArn)).tags())
                .anyMatch(t -> t.tagKey().equals("lab:run-id") && t.tagValue().equals("k3f9x2"));
        assertThat(clients.secretsManager().describeSecret(r -> r.secretId(secretArn)).tags())
                .anyMatch(t -> t.key().equals("lab:run-id"));

        TaggedResources tagged = () -> List.of(new TaggedResources.Tagged(keyArn, Map.of("lab:run-id", "k3f9x2")),
                new TaggedResources.Tagged(secretArn, Map.of("lab:run-id", "k3f9x2")));
        Sweeper sweeper = new Sweeper(clients, CAPABILITIES, tagged, Clock.systemUTC());
        List<Sweeper.Leftover> leftovers = sweeper.find(Duration.ZERO);
        assertThat(leftovers).extracting(Sweeper.Leftover::what).contains("KMS key " + keyArn.substring(
                keyArn.lastIndexOf('/') + 1), "Secrets Manager secret " + secretArn, "KMS alias alias/lab-k3f9x2-data");
        assertThat(sweeper.delete(leftovers)).isEmpty();
        assertThat(clients.kms().describeKey(r -> r.keyId(keyArn)).keyMetadata().keyState())
                .isEqualTo(KeyState.PENDING_DELETION);
        assertThat(clients.secretsManager().listSecrets().secretList()).isEmpty();
        assertThat(clients.kms().listAliases().aliases()).noneMatch(a -> a.aliasName().contains("lab-k3f9x2"));
    }
}
