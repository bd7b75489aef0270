package io.labrunner.core;

/** What a lab needs from a target, and what a target offers. */
public enum Capability {
    S3,
    STS,
    IAM,
    GLUE_CATALOG,
    GLUE_CRAWLER,
    ATHENA_SQL,
    KINESIS,
    /** Kinesis refuses what a shard cannot take (1 MiB/s, 1,000 records/s) with ProvisionedThroughputExceededException. */
    KINESIS_SHARD_LIMITS,
    /**
     * Kinesis keeps a stream's lineage through a reshard as AWS does: a record goes to the open shard whose hash-key
     * range holds the MD5 of its partition key, so a key's newer records are in a child of the shard holding its
     * older ones; GetRecords ends a closed shard (no NextShardIterator) and answers MillisBehindLatest 0 only at the
     * tip. What a parents-first consumer relies on to read each key once and in order.
     */
    KINESIS_RESHARD_LINEAGE,
    FIREHOSE_S3,
    BEDROCK_TEXT,
    BEDROCK_EMBEDDINGS,
    BEDROCK_GUARDRAILS,
    /** SageMaker training jobs on the built-in algorithms (XGBoost, Linear Learner). */
    SAGEMAKER_TRAINING,
    /** SageMaker real-time endpoints whose InvokeEndpoint answers from the model artifact, with per-variant metrics. */
    SAGEMAKER_HOSTING,
    /** SageMaker Model Monitor's data-quality analyzer: baseline jobs, monitoring schedules and their reports. */
    SAGEMAKER_MODEL_MONITOR,
    /** CloudWatch metrics (PutMetricData, GetMetricData, GetMetricStatistics, ListMetrics) and metric alarms. */
    CLOUDWATCH_METRICS,
    /** KMS customer managed keys: CreateKey with a key policy, aliases, key rotation, ScheduleKeyDeletion. */
    KMS,
    /** Secrets Manager secrets (CreateSecret, GetSecretValue, DescribeSecret), encrypted with the KMS key they name. */
    SECRETS_MANAGER,
    /** S3 default bucket encryption and per-object SSE-KMS, reported by HeadObject with the key's ARN. */
    S3_ENCRYPTION,
    /**
     * S3 evaluates bucket policies on every request, conditions included ({@code aws:SecureTransport},
     * {@code s3:x-amz-server-side-encryption}), and keeps Block Public Access settings: a policy's Deny
     * answers AccessDenied as on AWS, where LocalStack stores policies without enforcing them.
     */
    S3_BUCKET_POLICIES,
    /**
     * Clients reach the target over TLS (HTTPS), so a policy's {@code aws:SecureTransport} is true for them. A lab
     * that declares it gets every client of its run over TLS (on the embedded target, trusting only the emulator's
     * own certificate), and {@link LabContext#s3OverPlainHttp()} to show what such a policy denies. AWS offers it;
     * an endpoint offers it when its URL is https.
     */
    TLS,
    /**
     * IAM decides what a role may do: requests signed with a role's session, and what a service does as a
     * role (a training job reading its data), succeed only where the role's policies allow. Always so on
     * AWS; an emulator only when it enforces IAM.
     */
    IAM_ENFORCEMENT,
    /**
     * Step Functions standard and express state machines whose tasks really call the target's services (Glue,
     * Athena, SageMaker, S3 through {@code aws-sdk:*}), with {@code .sync} and {@code .waitForTaskToken}, and the
     * execution history AWS records.
     */
    STEP_FUNCTIONS,
    /** EventBridge rules with event patterns and schedules that deliver to their targets (state machines, streams). */
    EVENTBRIDGE,
    /** S3 sends its bucket's events to EventBridge ("Object Created") once the bucket's notification turns it on. */
    S3_EVENTBRIDGE,
    /** SageMaker Pipelines: pipeline definitions whose steps (training, processing, transform, condition) run. */
    SAGEMAKER_PIPELINES
}
