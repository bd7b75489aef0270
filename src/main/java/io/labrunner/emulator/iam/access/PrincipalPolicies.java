package io.labrunner.emulator.iam.access;

import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.List;
import java.util.Optional;

/** The identity-based policies of IAM users, and the permissions boundaries of users and roles. */
public interface PrincipalPolicies {

    /** An account without users or boundaries. */
    PrincipalPolicies NONE = new PrincipalPolicies() {
        @Override
        public List<SourcedPolicy> ofUser(String userArn) {
            return List.of();
        }

        @Override
        public Optional<SourcedPolicy> boundary(String principalArn) {
            return Optional.empty();
        }
    };

    /** The user's inline and attached policies and those of its groups; empty for a user that does not exist. */
    List<SourcedPolicy> ofUser(String userArn);

    /** The managed policy that bounds the user's or role's permissions, if it has one. */
    Optional<SourcedPolicy> boundary(String principalArn);
}
