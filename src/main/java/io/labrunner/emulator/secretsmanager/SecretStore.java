package io.labrunner.emulator.secretsmanager;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets of every region, by ARN, written through to the state store as they change. A deleted secret whose
 * recovery window has passed is removed the next time the store is looked at.
 */
final class SecretStore {
    private static final String SUFFIX_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String account;
    private final Clock clock;
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final StateMap<Secret> stored;

    SecretStore(String account, StateStore state, Clock clock) {
        this.account = account;
        this.clock = clock;
        this.stored = state.map("secretsmanager.secrets", Secret.class);
        secrets.putAll(stored.entries());
    }

    Instant now() {
        return clock.instant();
    }

    /** A new ARN: the name and a hyphen and six random characters, as AWS makes them. */
    String newArn(String region, String name) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_CHARACTERS.charAt(RANDOM.nextInt(SUFFIX_CHARACTERS.length())));
        }
        return "arn:" + partition(region) + ":secretsmanager:" + region + ":" + account + ":secret:" + name + "-"
                + suffix;
    }

    /** The secret {@code secretId} names in {@code region}: its name, its ARN, or its ARN without the suffix. */
    synchronized Optional<Secret> find(String region, String secretId) {
        purgeExpired();
        Secret byArn = secrets.get(secretId);
        if (byArn != null) {
            return byArn.region().equals(region) ? Optional.of(byArn) : Optional.empty();
        }
        return secrets.values().stream().filter(s -> s.region().equals(region))
                .filter(s -> s.name().equals(secretId) || s.arn().startsWith(secretId + "-")
                        && s.arn().length() == secretId.length() + 7 && secretId.startsWith("arn:"))
                .findFirst();
    }

    Secret require(String region, String secretId) {
        return find(region, secretId).orElseThrow(SecretsErrors::secretNotFound);
    }

    /** The secret, which must not be scheduled for deletion. */
    Secret requireLive(String region, String secretId) {
        Secret secret = require(region, secretId);
        if (secret.deleted()) {
            throw SecretsErrors.markedForDeletion();
        }
        return secret;
    }

    synchronized List<Secret> list(String region) {
        purgeExpired();
        return secrets.values().stream().filter(s -> s.region().equals(region))
                .sorted(Comparator.comparing(Secret::created).thenComparing(Secret::name)).toList();
    }

    synchronized Secret save(Secret secret) {
        secrets.put(secret.arn(), secret);
        stored.put(secret.arn(), secret);
        return secret;
    }

    synchronized void remove(Secret secret) {
        secrets.remove(secret.arn());
        stored.remove(secret.arn());
    }

    private void purgeExpired() {
        Instant now = now();
        for (Secret secret : List.copyOf(secrets.values())) {
            if (secret.deletionDate() != null && !now.isBefore(secret.deletionDate())) {
                remove(secret);
            }
        }
    }

    private static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
