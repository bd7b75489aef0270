package io.labrunner.emulator.protocol;

/**
 * Which offending values a service quotes back in its validation messages. AWS's services differ:
 * Kinesis quotes every value ({@code Value '[a, b]' at 'shardIds'}), Athena none
 * ({@code Value at 'maxResults'}), and Bedrock only scalars ({@code Value '0' at 'inferenceConfig.maxTokens'}
 * but {@code Value at 'toolConfig.tools'}, as Bedrock Runtime answered in genkit-ai/aws-bedrock-js-plugin#43).
 * A blob is never quoted.
 */
public enum Quoting {
    EVERY_VALUE,
    NO_VALUE,
    /**
     * Scalars only, and no value of a shape the model marks sensitive: AWS's newer services redact those
     * ({@code Value at 'advancedSecurityOptions.sAMLOptions.masterUserName'}, OpenSearch, a sensitive
     * member, as reported in ministryofjustice/cloud-platform-infrastructure#4097).
     */
    SCALARS
}
