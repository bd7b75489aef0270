package io.labrunner.emulator.sagemaker.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model package: versioned (one version of a group, named after its group) or unversioned (named by its
 * creator).
 *
 * @param group      the group of a versioned package, null for an unversioned one
 * @param version    1, 2, ... within the group; null for an unversioned package
 * @param definition the CreateModelPackage request's members that Describe gives back (InferenceSpecification,
 *                   ModelMetrics, ModelPackageDescription, ...), without names, tags and approval
 * @param approval   Approved, Rejected or PendingManualApproval; null for an unversioned package, to which
 *                   approval does not apply
 */
record ModelPackage(String region, String name, String group, Integer version, String arn, ObjectNode definition,
        String approval, String approvalDescription, Map<String, String> customerMetadata, Instant created,
        Instant lastModified) {

    static final String APPROVED = "Approved";
    static final String PENDING = "PendingManualApproval";

    /** Members of CreateModelPackage that DescribeModelPackage answers as given. */
    static final List<String> DESCRIBED = List.of("ModelPackageDescription", "InferenceSpecification",
            "SourceAlgorithmSpecification", "ValidationSpecification", "CertifyForMarketplace", "MetadataProperties",
            "ModelMetrics", "Domain", "Task", "SamplePayloadUrl", "DriftCheckBaselines",
            "AdditionalInferenceSpecifications", "SkipModelValidation", "SourceUri", "ModelPackageRegistrationType");

    boolean versioned() {
        return version != null;
    }

    ModelPackage withApproval(String status, String description, Map<String, String> metadata, Instant now) {
        return new ModelPackage(region, name, group, version, arn, definition, status, description, metadata, created,
                now);
    }

    /**
     * Pending, then InProgress while SageMaker checks the package, then Completed: AWS takes a few seconds
     * for a package without a validation specification.
     */
    String status(Instant now, Duration validation) {
        Duration age = Duration.between(created, now);
        if (age.compareTo(validation) >= 0) {
            return "Completed";
        }
        return age.compareTo(validation.dividedBy(2)) >= 0 ? "InProgress" : "Pending";
    }

    /** The first container of its inference specification, if it has one. */
    JsonNode container() {
        return definition.path("InferenceSpecification").path("Containers").path(0);
    }

    Map<String, Object> describe(Instant now, Duration validation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ModelPackageName", name);
        if (versioned()) {
            out.put("ModelPackageGroupName", group);
            out.put("ModelPackageVersion", version);
        }
        out.put("ModelPackageArn", arn);
        out.put("CreationTime", created);
        String status = status(now, validation);
        out.put("ModelPackageStatus", status);
        out.put("ModelPackageStatusDetails", Map.of("ValidationStatuses", List.of()));
        for (String member : DESCRIBED) {
            if (definition.has(member)) {
                out.put(member, definition.get(member));
            }
        }
        if (approval != null) {
            out.put("ModelApprovalStatus", approval);
        }
        if (approvalDescription != null) {
            out.put("ApprovalDescription", approvalDescription);
        }
        if (!customerMetadata.isEmpty()) {
            out.put("CustomerMetadataProperties", customerMetadata);
        }
        out.put("CreatedBy", Map.of());
        if (lastModified != null) {
            out.put("LastModifiedTime", lastModified);
            out.put("LastModifiedBy", Map.of());
        }
        return out;
    }

    Map<String, Object> summary(Instant now, Duration validation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ModelPackageName", name);
        if (versioned()) {
            out.put("ModelPackageGroupName", group);
            out.put("ModelPackageVersion", version);
        }
        out.put("ModelPackageArn", arn);
        if (definition.has("ModelPackageDescription")) {
            out.put("ModelPackageDescription", definition.get("ModelPackageDescription"));
        }
        out.put("CreationTime", created);
        out.put("ModelPackageStatus", status(now, validation));
        if (approval != null) {
            out.put("ModelApprovalStatus", approval);
        }
        return out;
    }
}
