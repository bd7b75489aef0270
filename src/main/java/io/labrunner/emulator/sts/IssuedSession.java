package io.labrunner.emulator.sts;

import io.labrunner.emulator.iam.access.AccessControl;
import java.time.Instant;

/**
 * Temporary credentials STS issued for a role session, as the emulator keeps them in its state file.
 *
 * @param accessKeyId     the {@code ASIA...} access key id
 * @param secretAccessKey the secret the session's requests are signed with
 * @param sessionToken    the token every request signed with this key must carry
 * @param expiration      when the credentials stop working
 * @param roleArn         the assumed role's ARN
 * @param roleId          the role's {@code AROA...} unique id
 * @param sessionName     the RoleSessionName
 * @param sessionPolicy   the inline session policy passed with {@code Policy}, or null
 * @param sourceIdentity  the SourceIdentity, or null
 */
public record IssuedSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                            String roleArn, String roleId, String sessionName, String sessionPolicy,
                            String sourceIdentity) {

    /** {@code arn:aws:sts::<account>:assumed-role/<role name>/<session name>}. */
    public String arn() {
        return AccessControl.sessionArn(roleArn, sessionName);
    }

    /** The session's UserId: {@code <role id>:<session name>}. */
    public String assumedRoleId() {
        return roleId + ":" + sessionName;
    }

    /** True once {@code now} has reached the expiration. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiration);
    }

    /** Names the session without its secret or token, which must never reach a log. */
    @Override
    public String toString() {
        return "IssuedSession[" + accessKeyId + " for " + arn() + " until " + expiration + "]";
    }
}
