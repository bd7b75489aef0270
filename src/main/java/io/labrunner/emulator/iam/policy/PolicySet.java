package io.labrunner.emulator.iam.policy;

import java.util.List;

/**
 * The policies that apply to one principal's requests in one account.
 *
 * @param identity   identity-based policies: inline and attached managed policies
 * @param resource   the resource's policy (a bucket policy, a key policy, a trust policy), or null
 * @param boundaries the permissions boundary's policies; empty when the principal has none
 */
public record PolicySet(List<SourcedPolicy> identity, SourcedPolicy resource, List<SourcedPolicy> boundaries) {
    public PolicySet {
        identity = List.copyOf(identity);
        boundaries = List.copyOf(boundaries);
    }

    public static PolicySet identityOnly(List<SourcedPolicy> identity) {
        return new PolicySet(identity, null, List.of());
    }
}
