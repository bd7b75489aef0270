package io.labrunner.emulator.iam.policy;

/** A policy document IAM would refuse; the message is IAM's MalformedPolicyDocument message. */
public final class MalformedPolicyException extends RuntimeException {
    public MalformedPolicyException(String message) {
        super(message, null, false, false);
    }
}
