package io.labrunner.emulator.kms;

import io.labrunner.emulator.AwsException;
import java.util.List;
import java.util.Map;

/**
 * Aliases: friendly names for keys, {@code alias/<name>}, one key each. Names beginning {@code alias/aws/} belong
 * to AWS managed keys and are refused, as on AWS.
 */
final class AliasOperations {
    private final KmsKeys keys;

    AliasOperations(KmsKeys keys) {
        this.keys = keys;
    }

    Object createAlias(Input input, String region) {
        String name = checkedName(input.text("AliasName"));
        synchronized (keys) {
            if (keys.alias(region, name).isPresent()) {
                throw KmsErrors.alreadyExists("An alias with the name " + KeyIds.aliasArn(region, keys.account(), name)
                        + " already exists");
            }
            KmsKey target = target(input.text("TargetKeyId"), region);
            keys.putAlias(new KmsAlias(name, KeyIds.aliasArn(region, keys.account(), name), region, target.keyId(),
                    keys.now(), keys.now()));
        }
        return null;
    }

    Object updateAlias(Input input, String region) {
        String name = checkedName(input.text("AliasName"));
        synchronized (keys) {
            KmsAlias alias = keys.alias(region, name).orElseThrow(() ->
                    KmsErrors.aliasNotFound(KeyIds.aliasArn(region, keys.account(), name)));
            KmsKey target = target(input.text("TargetKeyId"), region);
            keys.putAlias(alias.retargeted(target.keyId(), keys.now()));
        }
        return null;
    }

    Object deleteAlias(Input input, String region) {
        String name = checkedName(input.text("AliasName"));
        synchronized (keys) {
            KmsAlias alias = keys.alias(region, name).orElseThrow(() ->
                    KmsErrors.aliasNotFound(KeyIds.aliasArn(region, keys.account(), name)));
            keys.deleteAlias(alias);
        }
        return null;
    }

    Object listAliases(Input input, String region) {
        String keyId = input.text("KeyId") == null ? null : keys.find(region, input.text("KeyId"), false).keyId();
        List<Map<String, Object>> aliases = keys.aliases(region).stream()
                .filter(a -> keyId == null || a.targetKeyId().equals(keyId)).map(KeyViews::alias).toList();
        return Pages.page(input, aliases, "Aliases", 100);
    }

    /** The alias's key: a key id or key ARN (an alias cannot point at an alias), not pending deletion. */
    private KmsKey target(String targetKeyId, String region) {
        if (KeyIds.isAliasName(targetKeyId) || targetKeyId.contains(":alias/")) {
            throw KmsErrors.validation("Aliases must refer to keys. Not aliases");
        }
        return KmsKeys.requireNotPendingDeletion(keys.find(region, targetKeyId, false));
    }

    /**
     * The name, checked as KMS checks it beyond the model's pattern: it must begin {@code alias/}, and
     * {@code alias/aws/} is AWS's (https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html).
     */
    private static String checkedName(String name) {
        if (!KeyIds.isAliasName(name)) {
            throw KmsErrors.validation("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (name.startsWith(KeyIds.AWS_ALIAS_PREFIX)) {
            throw new AwsException("NotAuthorizedException", null, 400);
        }
        return name;
    }
}
