package io.labrunner.emulator.sagemaker.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.sagemaker.S3Uri;
import io.labrunner.emulator.sagemaker.SageMakerErrors;
import java.util.HashSet;
import java.util.Set;

/**
 * What CreateTrainingJob checks beyond its model before it accepts a job: the parts today's model leaves
 * optional but a training job needs, unique channel names, s3:// URIs, and objects under each S3Prefix.
 * Hyperparameters are the algorithm's to check, as the container does on AWS.
 */
final class TrainingValidation {
    private final S3Objects s3;

    TrainingValidation(S3Objects s3) {
        this.s3 = s3;
    }

    /** Refuses the request as AWS would, or returns normally. */
    void check(String region, ObjectNode request) {
        JsonNode algorithm = request.path("AlgorithmSpecification");
        if (algorithm.isMissingNode()) {
            throw SageMakerErrors.validation("AlgorithmSpecification is required for a training job.");
        }
        boolean image = algorithm.hasNonNull("TrainingImage") && !algorithm.get("TrainingImage").asText().isBlank();
        boolean named = algorithm.hasNonNull("AlgorithmName");
        if (image == named) {
            throw SageMakerErrors.validation("Exactly one of TrainingImage or AlgorithmName must be specified in "
                    + "AlgorithmSpecification.");
        }
        JsonNode resources = request.path("ResourceConfig");
        if (resources.isMissingNode() || !resources.hasNonNull("InstanceType")) {
            throw SageMakerErrors.validation("1 validation error detected: Value null at 'resourceConfig.instanceType' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        if (resources.path("InstanceCount").asInt(0) < 1) {
            throw SageMakerErrors.validation("1 validation error detected: Value '" + resources.path("InstanceCount")
                    .asInt(0) + "' at 'resourceConfig.instanceCount' failed to satisfy constraint: Member must have "
                    + "value greater than or equal to 1");
        }
        String output = request.path("OutputDataConfig").path("S3OutputPath").asText();
        if (S3Uri.parse(output).isEmpty()) {
            throw SageMakerErrors.validation("S3OutputPath '" + output + "' is not a valid S3 URI; it must be of the "
                    + "form s3://bucket/prefix.");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode channel : request.path("InputDataConfig")) {
            String name = channel.path("ChannelName").asText();
            if (!names.add(name)) {
                throw SageMakerErrors.validation("Channel names must be unique; channel '" + name
                        + "' is given more than once in InputDataConfig.");
            }
            JsonNode source = channel.path("DataSource").path("S3DataSource");
            if (source.isMissingNode()) {
                continue; // a file system source is refused when the job runs
            }
            String uri = source.path("S3Uri").asText();
            S3Uri parsed = S3Uri.parse(uri).orElseThrow(() -> SageMakerErrors.validation("S3Uri '" + uri
                    + "' of channel '" + name + "' is not a valid S3 URI; it must be of the form s3://bucket/prefix."));
            if ("S3Prefix".equals(source.path("S3DataType").asText()) && !hasObjects(parsed)) {
                throw SageMakerErrors.validation(noObjectsFound(uri) + " Please ensure that the bucket exists in the "
                        + "selected region (" + region + "), that objects exist under that S3 prefix, and that the "
                        + "role \"" + request.path("RoleArn").asText() + "\" has \"s3:ListBucket\" permissions on "
                        + "bucket \"" + parsed.bucket() + "\".");
            }
        }
    }

    /** AWS's wording when an S3Prefix channel is empty (recorded in aws/amazon-sagemaker-examples#2489). */
    static String noObjectsFound(String uri) {
        return "No S3 objects found under S3 URL \"" + uri + "\" given in input data source.";
    }

    private boolean hasObjects(S3Uri prefix) {
        return s3.bucketExists(prefix.bucket())
                && s3.list(prefix.bucket(), prefix.key()).stream().anyMatch(o -> !o.key().endsWith("/"));
    }
}
