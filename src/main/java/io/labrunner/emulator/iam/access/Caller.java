package io.labrunner.emulator.iam.access;

/**
 * Who signed a request, as IAM names them.
 *
 * @param arn         the principal's ARN: {@code arn:aws:iam::<account>:root} for the account's own keys, or
 *                    {@code arn:aws:sts::<account>:assumed-role/<role>/<session>} for a role's session
 * @param accessKeyId the access key the request was signed with
 * @param roleArn     the role whose permissions a session has; null for the root user
 */
public record Caller(String arn, String accessKeyId, String roleArn) {

    /** The account's root user: every key the emulator did not issue signs as root. */
    public static Caller root(String accountId, String accessKeyId) {
        return new Caller("arn:aws:iam::" + accountId + ":root", accessKeyId, null);
    }

    public boolean isRole() {
        return roleArn != null;
    }
}
