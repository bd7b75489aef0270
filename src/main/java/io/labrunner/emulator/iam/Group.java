package io.labrunner.emulator.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM group as the emulator stores it; immutable, replaced on every change.
 *
 * @param name             group name (IAM compares names case-insensitively)
 * @param path             path, starting and ending with {@code /}
 * @param groupId          the {@code AGPA...} unique id
 * @param arn              {@code arn:aws:iam::<account>:group<path><name>}
 * @param createDate       creation time
 * @param members          the member users' names, in the order added
 * @param inlinePolicies   inline policy documents by policy name
 * @param attachedPolicies ARNs of attached managed policies, in attach order
 */
public record Group(String name, String path, String groupId, String arn, Instant createDate, List<String> members,
                    Map<String, String> inlinePolicies, List<String> attachedPolicies) {

    public Group {
        members = List.copyOf(members);
        inlinePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies));
        attachedPolicies = List.copyOf(attachedPolicies);
    }

    Group withMembers(List<String> newMembers) {
        return new Group(name, path, groupId, arn, createDate, newMembers, inlinePolicies, attachedPolicies);
    }

    Group withInlinePolicies(Map<String, String> policies) {
        return new Group(name, path, groupId, arn, createDate, members, policies, attachedPolicies);
    }

    Group withAttachedPolicies(List<String> arns) {
        return new Group(name, path, groupId, arn, createDate, members, inlinePolicies, arns);
    }
}
