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
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** Secrets Manager's kinds. */
public final class SecretsManagerKinds {
    /** A Secrets Manager secret by name or ARN; cleanup deletes it without a recovery window. */
    public static final ResourceKind SECRET = new Secret();

    private SecretsManagerKinds() {
    }

    private static final class Secret extends Kind {
        Secret() {
            super("SECRETSMANAGER_SECRET", "Secrets Manager secret", Capability.SECRETS_MANAGER);
        }

        /** By ARN, as the tagged ones are; secrets already scheduled for deletion were cleaned before. */
        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.secretsManager().listSecretsPaginator(r -> r.includePlannedDeletion(false)).stream()
                    .flatMap(page -> page.secretList().stream())
                    .filter(s -> names.matches(s.name()))
                    .map(s -> Listed.of(this, s.arn(), s.name(), s.createdDate())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            clients.secretsManager().tagResource(r -> r.secretId(id).tags(tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
        }

        /** Deletes the secret at once, without the recovery window a learner's secret would get by default. */
        @Override
        public Deletion delete(AwsClients clients, String nameOrArn) {
            var secrets = clients.secretsManager();
            secrets.describeSecret(r -> r.secretId(nameOrArn));
            secrets.deleteSecret(r -> r.secretId(nameOrArn).forceDeleteWithoutRecovery(true));
            return Deletion.DELETED;
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFoundException");
        }

        /** A secret's name may hold '/', so the whole ARN names it. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "secretsmanager", "secret").map(name -> arn.toString());
        }
    }
}
