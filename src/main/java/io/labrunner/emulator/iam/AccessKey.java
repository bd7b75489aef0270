package io.labrunner.emulator.iam;

import java.time.Instant;

/**
 * A long-term access key of an IAM user, as the emulator stores it.
 *
 * @param accessKeyId     the {@code AKIA...} id
 * @param secretAccessKey the secret requests signed with this key are verified with
 * @param userName        the user the key belongs to
 * @param status          {@code Active} or {@code Inactive}
 * @param createDate      creation time
 * @param lastUsedDate    when a request signed with it was last accepted, or null
 * @param lastUsedService the signing name of that request's service, or null
 * @param lastUsedRegion  that request's region, or null
 */
public record AccessKey(String accessKeyId, String secretAccessKey, String userName, String status,
                        Instant createDate, Instant lastUsedDate, String lastUsedService, String lastUsedRegion) {

    public boolean active() {
        return "Active".equals(status);
    }

    AccessKey withStatus(String newStatus) {
        return new AccessKey(accessKeyId, secretAccessKey, userName, newStatus, createDate, lastUsedDate,
                lastUsedService, lastUsedRegion);
    }

    AccessKey withUserName(String newUserName) {
        return new AccessKey(accessKeyId, secretAccessKey, newUserName, status, createDate, lastUsedDate,
                lastUsedService, lastUsedRegion);
    }

    AccessKey usedAt(Instant when, String service, String region) {
        return new AccessKey(accessKeyId, secretAccessKey, userName, status, createDate, when, service, region);
    }

    /** Names the key without its secret, which must never reach a log. */
    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + " of " + userName + ", " + status + "]";
    }
}
