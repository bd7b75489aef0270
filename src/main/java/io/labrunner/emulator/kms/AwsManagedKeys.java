package io.labrunner.emulator.kms;

import java.util.Map;

/** The AWS managed keys ({@code alias/aws/<service>}) that services create on first use, and what they say of it. */
final class AwsManagedKeys {
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("s3", "Default key that protects my S3 objects when no other key is defined"),
            Map.entry("secretsmanager", "Default key that protects my Secrets Manager data when no other key is defined"),
            Map.entry("ebs", "Default key that protects my EBS volumes when no other key is defined"),
            Map.entry("rds", "Default key that protects my RDS database volumes when no other key is defined"),
            Map.entry("lambda", "Default key that protects my Lambda functions when no other key is defined"),
            Map.entry("ssm", "Default key that protects my SSM parameters when no other key is defined"),
            Map.entry("dynamodb", "Default key that protects my DynamoDB data when no other key is defined"),
            Map.entry("glue", "Default key that protects my Glue data when no other key is defined"),
            Map.entry("kinesis", "Default key that protects my Kinesis data when no other key is defined"),
            Map.entry("firehose", "Default key that protects my Firehose data when no other key is defined"),
            Map.entry("sagemaker", "Default key that protects my SageMaker data when no other key is defined"),
            Map.entry("sns", "Default key that protects my SNS data when no other key is defined"),
            Map.entry("sqs", "Default key that protects my SQS messages when no other key is defined"),
            Map.entry("logs", "Default key that protects my CloudWatch Logs when no other key is defined"));

    private AwsManagedKeys() {
    }

    static boolean isKnown(String service) {
        return DESCRIPTIONS.containsKey(service);
    }

    static String description(String service) {
        return DESCRIPTIONS.getOrDefault(service, "Default key that protects my " + service
                + " data when no other key is defined");
    }
}
