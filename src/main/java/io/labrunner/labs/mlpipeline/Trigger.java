package io.labrunner.labs.mlpipeline;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What makes the pipeline start by itself: the bucket sends its events to EventBridge, and a rule on the default
 * event bus matches "Object Created" in the lake's folder and starts the state machine with the event as its input.
 */
final class Trigger {
    private Trigger() {
    }

    /**
     * The rule's event pattern: S3's "Object Created" events for this bucket, under the lake's prefix only. The
     * pipeline writes into the same bucket (curated Parquet, models, scores, query results); without the prefix each
     * of those writes would start the pipeline again.
     */
    static String pattern(String bucket) {
        return """
                {"source": ["aws.s3"],
                 "detail-type": ["Object Created"],
                 "detail": {"bucket": {"name": ["%s"]},
                            "object": {"key": [{"prefix": "%s"}]}}}""".formatted(bucket, MlPipelineLab.LAKE);
    }

    /**
     * Turns on the bucket's EventBridge notifications: S3 then sends every event of the bucket to the default bus,
     * where rules pick what they want. This replaces the bucket's notification configuration as a whole.
     */
    static void sendBucketEventsToEventBridge(S3Client s3, String bucket) {
        s3.putBucketNotificationConfiguration(put -> put.bucket(bucket)
                .notificationConfiguration(config -> config.eventBridgeConfiguration(eventBridge -> { })));
    }

    /** Creates (or updates) the rule and returns its ARN. */
    static String putRule(EventBridgeClient events, String rule, String bucket, Map<String, String> tags) {
        List<Tag> eventTags = tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        return events.putRule(put -> put.name(rule)
                .eventPattern(pattern(bucket))
                .state(RuleState.ENABLED)
                .description("A month of customers landed in the lake: retrain the churn model")
                .tags(eventTags)).ruleArn();
    }

    /** Points the rule at the state machine; EventBridge starts executions as {@code roleArn}, passing the event as input. */
    static void targetStateMachine(EventBridgeClient events, String rule, String stateMachineArn, String roleArn) {
        var response = events.putTargets(put -> put.rule(rule).targets(target -> target
                .id("retrain")
                .arn(stateMachineArn)
                .roleArn(roleArn)));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutTargets refused the target: " + response.failedEntries());
        }
    }
}
