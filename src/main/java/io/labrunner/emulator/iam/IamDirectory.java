package io.labrunner.emulator.iam;

import java.util.Optional;

/**
 * Read-only view of the emulated IAM account, for other emulated services that must check a
 * role the way AWS would before using it (a Glue crawler assuming its role, for example).
 */
public interface IamDirectory {

    /** The account every emulated resource lives in. */
    String ACCOUNT_ID = "000000000000";

    /** The role named by a role ARN or a bare role name (names compare case-insensitively, as IAM does). */
    Optional<Role> role(String arnOrName);

    /**
     * True when the role exists and its trust policy lets the given service principal
     * (e.g. {@code glue.amazonaws.com}) call {@code sts:AssumeRole}.
     */
    default boolean trustsService(String arnOrName, String servicePrincipal) {
        return role(arnOrName).map(r -> TrustPolicy.allowsService(r.trustPolicy(), servicePrincipal)).orElse(false);
    }
}
