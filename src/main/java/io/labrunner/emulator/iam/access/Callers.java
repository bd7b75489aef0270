package io.labrunner.emulator.iam.access;

/** Finds who signed a request by the access key it was signed with. */
@FunctionalInterface
public interface Callers {

    Caller of(String accessKeyId);

    /** Every key signs as the account's root user: an emulator that has issued no temporary credentials. */
    static Callers rootOnly(String accountId) {
        return accessKeyId -> Caller.root(accountId, accessKeyId);
    }
}
