package io.labrunner.emulator.sts;

import io.labrunner.emulator.iam.access.AccessControl;
import java.time.Instant;

/**
 * Temporary credentials STS issued for a role session, a user's session or a federated user, as the emulator keeps them in its state file.
 *
 * @param accessKeyId     the {@code ASIA...} access key id
 * @param secretAccessKey the secret the session's requests are signed with
 * @param sessionToken    the token every request signed with this key must carry
 * @param expiration      when the credentials stop working
 * @param roleArn         the assumed role's ARN; null for credentials that are no role's
 * @param roleId          the role's {@code AROA...} unique id, or the UserId of credentials that are no role's
 * @param sessionName     the RoleSessionName
 * @param sessionPolicy   the inline session policy passed with {@code Policy}, or null
 * @param sourceIdentity  the SourceIdentity, or null
 * @param principalArn    for credentials that are no role's (GetSessionToken, GetFederationToken): whom they sign
 *                        as, the user or root, or {@code arn:aws:sts::<account>:federated-user/<name>}; else null
 * @param userArn         the IAM user whose permissions such credentials have, or null (a role's, or root's)
 */
public record IssuedSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                            String roleArn, String roleId, String sessionName, String sessionPolicy,
                            String sourceIdentity, String principalArn, String userArn) {

    /** A role's session. */
    public IssuedSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
            String roleArn, String roleId, String sessionName, String sessionPolicy, String sourceIdentity) {
        this(accessKeyId, secretAccessKey, sessionToken, expiration, roleArn, roleId, sessionName, sessionPolicy,
                sourceIdentity, null, null);
    }

    /**
     * {@code arn:aws:sts::<account>:assumed-role/<role name>/<session name>} for a role's session, else the
     * principal the credentials sign as.
     */
    public String arn() {
        return principalArn != null ? principalArn : AccessControl.sessionArn(roleArn, sessionName);
    }

    /** The session's UserId: {@code <role id>:<session name>}. */
    public String assumedRoleId() {
        return roleId + ":" + sessionName;
    }

    /**
     * The UserId GetCallerIdentity answers for the session: a role session's {@code <role id>:<session name>};
     * for other credentials {@link #roleId()} holds it whole (the user's id, the account's, or
     * {@code <account>:<federated user name>}).
     */
    public String userId() {
        return roleArn != null ? assumedRoleId() : roleId;
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
