package io.labrunner.emulator.s3;

/**
 * A bucket's notification configuration as PutBucketNotificationConfiguration put it. Only EventBridge is
 * delivered to; Lambda, SQS and SNS configurations are kept and returned, not delivered (the emulator serves none
 * of those services).
 *
 * @param xml         the configuration's XML as put
 * @param eventBridge whether it holds an {@code <EventBridgeConfiguration/>}
 */
public record BucketNotification(String xml, boolean eventBridge) {
}
