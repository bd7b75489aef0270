package io.labrunner.emulator.kms;

import java.time.Instant;

/**
 * An alias: a friendly name ({@code alias/...}) pointing at one key of its region.
 *
 * @param name            {@code alias/<name>}
 * @param arn             {@code arn:aws:kms:<region>:<account>:alias/<name>}
 * @param region          the alias's region
 * @param targetKeyId     the key it points at
 * @param creationDate    when it was created
 * @param lastUpdatedDate when it last changed target
 */
public record KmsAlias(String name, String arn, String region, String targetKeyId, Instant creationDate,
                       Instant lastUpdatedDate) {
    KmsAlias retargeted(String keyId, Instant now) {
        return new KmsAlias(name, arn, region, keyId, creationDate, now);
    }
}
