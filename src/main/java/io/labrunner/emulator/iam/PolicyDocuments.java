package io.labrunner.emulator.iam;

import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;

/** Reads policy documents from requests, refusing a malformed one with IAM's MalformedPolicyDocument error. */
final class PolicyDocuments {
    private PolicyDocuments() {
    }

    static PolicyDocument parse(String text, PolicyKind kind) {
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            throw IamErrors.malformedPolicy(e.getMessage());
        }
    }
}
