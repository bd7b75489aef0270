package io.labrunner.core;

/** Kinds of resource the ledger can tear down. Deleters live in {@link ResourceDeleter}. */
public enum ResourceType {
    S3_BUCKET("S3 bucket"),
    IAM_ROLE("IAM role"),
    GLUE_DATABASE("Glue database"),
    GLUE_CRAWLER("Glue crawler"),
    ATHENA_WORKGROUP("Athena workgroup"),
    KINESIS_STREAM("Kinesis stream"),
    FIREHOSE_STREAM("Firehose stream"),
    /** Identified by name (what the ledger knows before AWS assigns an id), id or ARN. */
    BEDROCK_GUARDRAIL("Bedrock guardrail"),
    /**
     * By name. AWS keeps training jobs forever and has no delete: cleanup stops a job still running, and
     * says of an ended one that it had already ended.
     */
    SAGEMAKER_TRAINING_JOB("SageMaker training job"),
    /** A model made with CreateModel; deleting it leaves its artifact in S3, as on AWS. */
    SAGEMAKER_MODEL("SageMaker model"),
    /** Transform jobs cannot be deleted on AWS: cleanup stops a running one and waits until it has ended. */
    SAGEMAKER_TRANSFORM_JOB("SageMaker transform job"),
    /**
     * By name. Cleanup stops a tuning job that still runs (which stops its training jobs) and waits until
     * it has ended; an ended one stays listed, as its training jobs do.
     */
    SAGEMAKER_TUNING_JOB("SageMaker tuning job"),
    /**
     * A Model Registry group by name, with the model package versions registered in it: AWS refuses to
     * delete a group that still holds versions, so cleanup deletes the versions first.
     */
    SAGEMAKER_MODEL_PACKAGE_GROUP("SageMaker model package group"),
    /** Processing jobs cannot be deleted on AWS: cleanup stops a running one and waits until it has ended. */
    SAGEMAKER_PROCESSING_JOB("SageMaker processing job"),
    /** A Model Monitor data quality job definition, by name. */
    SAGEMAKER_DATA_QUALITY_JOB_DEFINITION("SageMaker data quality job definition"),
    /** A Model Monitor schedule, by name; deleting it ends its executions' schedule, not their reports in S3. */
    SAGEMAKER_MONITORING_SCHEDULE("SageMaker monitoring schedule"),
    /** An endpoint configuration by name; deleting it leaves endpoints running on it serving, as on AWS. */
    SAGEMAKER_ENDPOINT_CONFIG("SageMaker endpoint configuration"),
    /** An endpoint by name: cleanup deletes it and waits until it is gone, so nothing serves or captures after. */
    SAGEMAKER_ENDPOINT("SageMaker endpoint"),
    /** A CloudWatch metric alarm, by name. */
    CLOUDWATCH_ALARM("CloudWatch alarm"),
    /**
     * A KMS key by id or ARN. KMS deletes no key at once: cleanup schedules its deletion with the shortest waiting
     * period (7 days), after which AWS deletes it; a key already pending deletion is as gone as it gets.
     */
    KMS_KEY("KMS key"),
    /** A KMS alias by name ({@code alias/...}); deleting it leaves its key, as on AWS. */
    KMS_ALIAS("KMS alias"),
    /** A Secrets Manager secret by name or ARN; cleanup deletes it without a recovery window. */
    SECRETSMANAGER_SECRET("Secrets Manager secret"),
    /**
     * A Step Functions state machine, by name (its ARN needs the account, which the ledger may not know yet). Cleanup
     * stops its running executions first, so that none goes on starting jobs, then deletes it.
     */
    STEPFUNCTIONS_STATE_MACHINE("Step Functions state machine"),
    /**
     * An EventBridge rule on the default event bus, by name. EventBridge refuses to delete a rule that still has
     * targets, so cleanup removes them first.
     */
    EVENTBRIDGE_RULE("EventBridge rule"),
    /**
     * A SageMaker pipeline, by name. Deleting it ends the pipeline, not the jobs its steps started, which the
     * run's own ledger entries (or their ending) account for.
     */
    SAGEMAKER_PIPELINE("SageMaker pipeline");

    private final String label;

    ResourceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
