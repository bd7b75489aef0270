package io.labrunner.emulator.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM user as the emulator stores it; immutable, replaced on every change.
 *
 * @param name                user name (case preserved; IAM compares names case-insensitively)
 * @param path                path, starting and ending with {@code /}
 * @param userId              the {@code AIDA...} unique id
 * @param arn                 {@code arn:aws:iam::<account>:user<path><name>}
 * @param createDate          creation time
 * @param tags                tags in insertion order
 * @param inlinePolicies      inline policy documents by policy name, in insertion order
 * @param attachedPolicies    ARNs of attached managed policies, in attach order
 * @param permissionsBoundary the ARN of the managed policy that bounds the user's permissions, or null
 */
public record User(String name, String path, String userId, String arn, Instant createDate,
                   Map<String, String> tags, Map<String, String> inlinePolicies, List<String> attachedPolicies,
                   String permissionsBoundary) {

    public User {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        inlinePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies));
        attachedPolicies = List.copyOf(attachedPolicies);
    }

    User withName(String newName, String newPath, String newArn) {
        return new User(newName, newPath, userId, newArn, createDate, tags, inlinePolicies, attachedPolicies,
                permissionsBoundary);
    }

    User withTags(Map<String, String> newTags) {
        return new User(name, path, userId, arn, createDate, newTags, inlinePolicies, attachedPolicies,
                permissionsBoundary);
    }

    User withInlinePolicies(Map<String, String> policies) {
        return new User(name, path, userId, arn, createDate, tags, policies, attachedPolicies, permissionsBoundary);
    }

    User withAttachedPolicies(List<String> arns) {
        return new User(name, path, userId, arn, createDate, tags, inlinePolicies, arns, permissionsBoundary);
    }

    User withPermissionsBoundary(String boundaryArn) {
        return new User(name, path, userId, arn, createDate, tags, inlinePolicies, attachedPolicies, boundaryArn);
    }
}
