package io.labrunner.emulator.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role as the emulator stores it; immutable, replaced on every change.
 *
 * @param name               role name (case preserved; IAM compares names case-insensitively)
 * @param path               path, starting and ending with {@code /}
 * @param roleId             the {@code AROA...} unique id
 * @param arn                {@code arn:aws:iam::<account>:role<path><name>}
 * @param createDate         creation time
 * @param trustPolicy        the assume-role policy document as JSON text (decoded)
 * @param description        optional description, may be null
 * @param maxSessionDuration maximum session duration in seconds
 * @param tags               tags in insertion order
 * @param inlinePolicies     inline policy documents by policy name, in insertion order
 * @param attachedPolicies   ARNs of attached managed policies, in attach order
 * @param permissionsBoundary the ARN of the managed policy that bounds the role's permissions, or null
 */
public record Role(
        String name,
        String path,
        String roleId,
        String arn,
        Instant createDate,
        String trustPolicy,
        String description,
        int maxSessionDuration,
        Map<String, String> tags,
        Map<String, String> inlinePolicies,
        List<String> attachedPolicies,
        String permissionsBoundary) {

    public Role {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        inlinePolicies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inlinePolicies));
        attachedPolicies = List.copyOf(attachedPolicies);
    }

    Role withTrustPolicy(String document) {
        return new Role(name, path, roleId, arn, createDate, document, description, maxSessionDuration,
                tags, inlinePolicies, attachedPolicies, permissionsBoundary);
    }

    Role withTags(Map<String, String> newTags) {
        return new Role(name, path, roleId, arn, createDate, trustPolicy, description, maxSessionDuration,
                newTags, inlinePolicies, attachedPolicies, permissionsBoundary);
    }

    Role withInlinePolicies(Map<String, String> policies) {
        return new Role(name, path, roleId, arn, createDate, trustPolicy, description, maxSessionDuration,
                tags, policies, attachedPolicies, permissionsBoundary);
    }

    Role withAttachedPolicies(List<String> arns) {
        return new Role(name, path, roleId, arn, createDate, trustPolicy, description, maxSessionDuration,
                tags, inlinePolicies, arns, permissionsBoundary);
    }

    Role withPermissionsBoundary(String boundaryArn) {
        return new Role(name, path, roleId, arn, createDate, trustPolicy, description, maxSessionDuration,
                tags, inlinePolicies, attachedPolicies, boundaryArn);
    }
}
