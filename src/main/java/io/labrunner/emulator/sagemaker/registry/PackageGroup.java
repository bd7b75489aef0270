package io.labrunner.emulator.sagemaker.registry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A model package group: the versions of one model, registered one after the other. */
record PackageGroup(String region, String name, String arn, String description, Instant created) {

    /** DescribeModelPackageGroup's answer; ListModelPackageGroups' summary is the same minus CreatedBy. */
    Map<String, Object> describe() {
        Map<String, Object> out = summary();
        out.put("CreatedBy", Map.of());
        return out;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ModelPackageGroupName", name);
        out.put("ModelPackageGroupArn", arn);
        if (description != null) {
            out.put("ModelPackageGroupDescription", description);
        }
        out.put("CreationTime", created);
        // A group has nothing to build: it is Completed as soon as it exists.
        out.put("ModelPackageGroupStatus", "Completed");
        return out;
    }
}
