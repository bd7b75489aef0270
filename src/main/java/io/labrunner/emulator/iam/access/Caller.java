package io.labrunner.emulator.iam.access;

/**
 * Who signed a request, as IAM names them.
 *
 * @param arn         the principal's ARN: {@code arn:aws:iam::<account>:root} for the account's own keys,
 *                    {@code arn:aws:iam::<account>:user/<name>} for an IAM user's,
 *                    {@code arn:aws:sts::<account>:assumed-role/<role>/<session>} for a role's session, or
 *                    {@code arn:aws:sts::<account>:federated-user/<name>} for a federated user's
 * @param accessKeyId the access key the request was signed with
 * @param roleArn     the role whose permissions a session has; null otherwise
 * @param userArn     the IAM user whose permissions the caller has (the user itself, or the user who asked for a
 *                    federated user's or session's credentials); null otherwise
 */
public record Caller(String arn, String accessKeyId, String roleArn, String userArn) {

    /** A caller that is the root user or a role's session. */
    public Caller(String arn, String accessKeyId, String roleArn) {
        this(arn, accessKeyId, roleArn, null);
    }

    /** The account's root user: every key the emulator did not issue signs as root. */
    public static Caller root(String accountId, String accessKeyId) {
        return new Caller("arn:aws:iam::" + accountId + ":root", accessKeyId, null, null);
    }

    /** An IAM user signing with one of its own keys. */
    public static Caller user(String userArn, String accessKeyId) {
        return new Caller(userArn, accessKeyId, null, userArn);
    }

    public boolean isRole() {
        return roleArn != null;
    }

    /** True for an IAM user, or a session or federated user that acts with an IAM user's permissions. */
    public boolean isUser() {
        return userArn != null;
    }

    /** True when identity-based policies decide what the caller may do: a role's or a user's; never root's. */
    public boolean hasIdentityPolicies() {
        return roleArn != null || userArn != null;
    }
}
