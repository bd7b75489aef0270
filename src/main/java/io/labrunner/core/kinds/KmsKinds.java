package io.labrunner.core.kinds;

import io.labrunner.core.Arns;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.NameFilter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.core.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.Tag;

/** KMS's kinds. Keys have no names: a run's key is found through its alias ({@code alias/lab-<runid>-...}). */
public final class KmsKinds {
    /**
     * A KMS key by id or ARN. KMS deletes no key at once: cleanup schedules its deletion with the shortest waiting
     * period (7 days), after which AWS deletes it; a key already pending deletion is as gone as it gets.
     */
    public static final ResourceKind KEY = new Key();
    /** A KMS alias by name ({@code alias/...}); deleting it leaves its key, as on AWS. Aliases take no tags. */
    public static final ResourceKind ALIAS = new Alias();

    private KmsKinds() {
    }

    private static List<AliasListEntry> runAliases(AwsClients clients, NameFilter names) {
        return clients.kms().listAliasesPaginator(r -> { }).aliases().stream()
                .filter(a -> a.aliasName().startsWith("alias/")
                        && names.matches(a.aliasName().substring("alias/".length())))
                .toList();
    }

    private static boolean isNotFoundCode(AwsServiceException e) {
        return Kind.code(e).equals("NotFoundException");
    }

    private static final class Key extends Kind {
        Key() {
            super("KMS_KEY", "KMS key", Capability.KMS);
        }

        /** The keys a run's aliases name; keys already pending deletion were cleaned before. */
        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            var kms = clients.kms();
            return runAliases(clients, names).stream()
                    .filter(a -> a.targetKeyId() != null && kms.describeKey(r -> r.keyId(a.targetKeyId()))
                            .keyMetadata().keyState() != KeyState.PENDING_DELETION)
                    .map(a -> Listed.named(this, a.targetKeyId(), a.creationDate())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            clients.kms().tagResource(r -> r.keyId(id).tags(tags.entrySet().stream()
                    .map(e -> Tag.builder().tagKey(e.getKey()).tagValue(e.getValue()).build()).toList()));
        }

        /**
         * Schedules the key's deletion with KMS's shortest waiting period; AWS deletes it 7 days later. A key already
         * pending deletion was cleaned before: nothing more to do.
         */
        @Override
        public Deletion delete(AwsClients clients, String keyId) {
            var kms = clients.kms();
            if (kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState() == KeyState.PENDING_DELETION) {
                return Deletion.ALREADY_GONE;
            }
            kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
            return Deletion.DELETED;
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return isNotFoundCode(e);
        }

        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "kms", "key");
        }
    }

    private static final class Alias extends Kind {
        Alias() {
            super("KMS_ALIAS", "KMS alias", Capability.KMS);
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return runAliases(clients, names).stream()
                    .map(a -> Listed.named(this, a.aliasName(), a.creationDate())).toList();
        }

        /** KMS aliases take no tags: they are found by their {@code alias/lab-} names. */
        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
        }

        @Override
        public Deletion delete(AwsClients clients, String aliasName) {
            clients.kms().deleteAlias(r -> r.aliasName(aliasName));
            return Deletion.DELETED;
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return isNotFoundCode(e);
        }

        /** {@code arn:aws:kms:<region>:<account>:alias/<name>}: the ledger records {@code alias/<name>}. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            return arn.service().equals("kms") && arn.resourceAsString().startsWith("alias/")
                    ? Optional.of(arn.resourceAsString()) : Optional.empty();
        }
    }
}
