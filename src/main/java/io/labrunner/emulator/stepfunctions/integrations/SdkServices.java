package io.labrunner.emulator.stepfunctions.integrations;

import java.util.Map;
import java.util.Optional;

/**
 * The services AWS SDK integrations call, by the service name their resource ARN uses (the SDK's), with the SigV4
 * signing name the emulator serves each under and the PascalCase name their errors carry
 * ({@code SageMaker.ResourceNotFoundException}: Step Functions developer guide, "Using AWS SDK service
 * integrations": {@code ServiceName.ErrorName}, both in PascalCase).
 *
 * @param signingName the emulator's service
 * @param errorPrefix the service name in error names
 */
record SdkServices(String signingName, String errorPrefix) {
    private static final Map<String, SdkServices> BY_SDK_NAME = Map.ofEntries(
            Map.entry("sagemaker", new SdkServices("sagemaker", "SageMaker")),
            Map.entry("glue", new SdkServices("glue", "Glue")),
            Map.entry("athena", new SdkServices("athena", "Athena")),
            Map.entry("kinesis", new SdkServices("kinesis", "Kinesis")),
            Map.entry("firehose", new SdkServices("firehose", "Firehose")),
            Map.entry("sfn", new SdkServices("states", "Sfn")),
            Map.entry("eventbridge", new SdkServices("events", "EventBridge")),
            Map.entry("cloudwatchlogs", new SdkServices("logs", "CloudWatchLogs")),
            Map.entry("cloudwatch", new SdkServices("monitoring", "CloudWatch")),
            Map.entry("kms", new SdkServices("kms", "Kms")),
            Map.entry("secretsmanager", new SdkServices("secretsmanager", "SecretsManager")),
            Map.entry("iam", new SdkServices("iam", "Iam")),
            Map.entry("sts", new SdkServices("sts", "Sts")),
            Map.entry("bedrock", new SdkServices("bedrock", "Bedrock")),
            Map.entry("s3", new SdkServices("s3", "S3")));
    /** Optimized integrations name services by their ARN service name. */
    private static final Map<String, String> OPTIMIZED_PREFIXES = Map.of("sagemaker", "SageMaker", "athena", "Athena",
            "states", "Sfn", "events", "EventBridge", "glue", "Glue");

    static Optional<SdkServices> bySdkName(String name) {
        return Optional.ofNullable(BY_SDK_NAME.get(name));
    }

    static String optimizedErrorPrefix(String service) {
        return OPTIMIZED_PREFIXES.getOrDefault(service, Character.toUpperCase(service.charAt(0)) + service.substring(1));
    }

    /** The botocore model folder of a signing name. */
    static String modelName(String signingName) {
        return switch (signingName) {
            case "states" -> "stepfunctions";
            case "monitoring" -> "cloudwatch";
            default -> signingName;
        };
    }
}
