package io.labrunner.labs.encryptmldata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * The database password in Secrets Manager, encrypted with the lab's key rather than the AWS
 * managed key {@code aws/secretsmanager}: whoever may read the secret must also be allowed to use
 * the key, and CloudTrail logs every Decrypt under it.
 */
final class DatabaseSecret {
    private DatabaseSecret() {
    }

    /** Creates the secret and returns its ARN; the value goes to AWS and nowhere else. */
    static String create(SecretsManagerClient secrets, String name, String keyArn, DbCredentials credentials,
                         Map<String, String> tags) {
        List<Tag> secretTags = new ArrayList<>();
        tags.forEach((key, value) -> secretTags.add(Tag.builder().key(key).value(value).build()));
        return secrets.createSecret(create -> create
                .name(name)
                .description("Credentials of the feature database the training pipeline reads")
                .kmsKeyId(keyArn)
                .secretString(credentials.toJson())
                .tags(secretTags)).arn();
    }

    /** What the pipeline does first: GetSecretValue (Secrets Manager decrypts with the key for it). */
    static DbCredentials read(SecretsManagerClient secrets, String name) {
        return DbCredentials.fromJson(secrets.getSecretValue(get -> get.secretId(name)).secretString());
    }
}
