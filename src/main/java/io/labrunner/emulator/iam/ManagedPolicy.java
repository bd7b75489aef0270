package io.labrunner.emulator.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A managed policy, customer managed or AWS managed; immutable, replaced on every change.
 *
 * @param arn              {@code arn:aws:iam::<account>:policy<path><name>}, or {@code arn:aws:iam::aws:policy...}
 * @param name             the policy name
 * @param path             the path, starting and ending with {@code /}
 * @param policyId         the {@code ANPA...} unique id
 * @param description      the description, may be null
 * @param createDate       creation time
 * @param updateDate       when the default version last changed
 * @param defaultVersionId the version in force
 * @param versions         every version, oldest first
 * @param nextVersion      the number the next version gets
 * @param tags             tags in insertion order
 * @param awsManaged       true for AWS's own policies, which cannot be changed
 */
public record ManagedPolicy(String arn, String name, String path, String policyId, String description,
                            Instant createDate, Instant updateDate, String defaultVersionId,
                            List<PolicyVersion> versions, int nextVersion, Map<String, String> tags, boolean awsManaged) {
    public ManagedPolicy {
        versions = List.copyOf(versions);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public Optional<PolicyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    /** The default version's document. */
    public String defaultDocument() {
        return version(defaultVersionId).orElseThrow().document();
    }

    ManagedPolicy withVersion(PolicyVersion version, boolean makeDefault) {
        List<PolicyVersion> list = new ArrayList<>(versions);
        list.add(version);
        return new ManagedPolicy(arn, name, path, policyId, description, createDate,
                makeDefault ? version.createDate() : updateDate, makeDefault ? version.versionId() : defaultVersionId,
                list, nextVersion + 1, tags, awsManaged);
    }

    ManagedPolicy withoutVersion(String versionId) {
        List<PolicyVersion> list = new ArrayList<>(versions);
        list.removeIf(v -> v.versionId().equals(versionId));
        return new ManagedPolicy(arn, name, path, policyId, description, createDate, updateDate, defaultVersionId,
                list, nextVersion, tags, awsManaged);
    }

    ManagedPolicy withDefault(String versionId, Instant now) {
        return new ManagedPolicy(arn, name, path, policyId, description, createDate, now, versionId,
                versions, nextVersion, tags, awsManaged);
    }
}
