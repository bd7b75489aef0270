package io.labrunner.core;

/**
 * A cloud resource a run created, as the ledger records it.
 *
 * @param type kind of resource; {@link ResourceType} knows how to delete each kind
 * @param id   the resource's name or id, enough to delete it
 */
public record Resource(ResourceType type, String id) {

    public static Resource bucket(String name) {
        return new Resource(ResourceType.S3_BUCKET, name);
    }

    public static Resource role(String name) {
        return new Resource(ResourceType.IAM_ROLE, name);
    }

    public static Resource glueDatabase(String name) {
        return new Resource(ResourceType.GLUE_DATABASE, name);
    }

    public static Resource crawler(String name) {
        return new Resource(ResourceType.GLUE_CRAWLER, name);
    }

    public static Resource workGroup(String name) {
        return new Resource(ResourceType.ATHENA_WORKGROUP, name);
    }

    public static Resource stream(String name) {
        return new Resource(ResourceType.KINESIS_STREAM, name);
    }

    public static Resource deliveryStream(String name) {
        return new Resource(ResourceType.FIREHOSE_STREAM, name);
    }

    /** A guardrail by name, id or ARN: the ledger records its name, which is known before creation. */
    public static Resource guardrail(String nameOrArn) {
        return new Resource(ResourceType.BEDROCK_GUARDRAIL, nameOrArn);
    }

    /** A training job by name; cleanup stops it if it still runs (training jobs cannot be deleted). */
    public static Resource trainingJob(String name) {
        return new Resource(ResourceType.SAGEMAKER_TRAINING_JOB, name);
    }

    /** A CloudWatch metric alarm by name. */
    public static Resource alarm(String name) {
        return new Resource(ResourceType.CLOUDWATCH_ALARM, name);
    }

    public static Resource sageMakerModel(String name) {
        return new Resource(ResourceType.SAGEMAKER_MODEL, name);
    }

    /** An endpoint configuration by name. */
    public static Resource endpointConfig(String name) {
        return new Resource(ResourceType.SAGEMAKER_ENDPOINT_CONFIG, name);
    }

    /** An endpoint by name; cleanup deletes it and waits until it is gone. */
    public static Resource endpoint(String name) {
        return new Resource(ResourceType.SAGEMAKER_ENDPOINT, name);
    }

    public static Resource transformJob(String name) {
        return new Resource(ResourceType.SAGEMAKER_TRANSFORM_JOB, name);
    }

    /** A SageMaker pipeline by name. */
    public static Resource sageMakerPipeline(String name) {
        return new Resource(ResourceType.SAGEMAKER_PIPELINE, name);
    }

    /** A model package group by name; cleanup deletes its versions, then the group. */
    public static Resource modelPackageGroup(String name) {
        return new Resource(ResourceType.SAGEMAKER_MODEL_PACKAGE_GROUP, name);
    }

    /** A processing job by name; cleanup stops it if it still runs. */
    public static Resource processingJob(String name) {
        return new Resource(ResourceType.SAGEMAKER_PROCESSING_JOB, name);
    }

    public static Resource dataQualityJobDefinition(String name) {
        return new Resource(ResourceType.SAGEMAKER_DATA_QUALITY_JOB_DEFINITION, name);
    }

    public static Resource monitoringSchedule(String name) {
        return new Resource(ResourceType.SAGEMAKER_MONITORING_SCHEDULE, name);
    }

    /** A hyperparameter tuning job by name; cleanup stops it if it still runs. */
    public static Resource tuningJob(String name) {
        return new Resource(ResourceType.SAGEMAKER_TUNING_JOB, name);
    }

    /** A KMS key by id or ARN; cleanup schedules its deletion (7 days). */
    public static Resource kmsKey(String keyIdOrArn) {
        return new Resource(ResourceType.KMS_KEY, keyIdOrArn);
    }

    /** A KMS alias by name, {@code alias/...}. */
    public static Resource kmsAlias(String aliasName) {
        return new Resource(ResourceType.KMS_ALIAS, aliasName);
    }

    /** A Secrets Manager secret by name or ARN; cleanup deletes it without recovery. */
    public static Resource secret(String nameOrArn) {
        return new Resource(ResourceType.SECRETSMANAGER_SECRET, nameOrArn);
    }

    /** A Step Functions state machine by name; cleanup stops its running executions, then deletes it. */
    public static Resource stateMachine(String name) {
        return new Resource(ResourceType.STEPFUNCTIONS_STATE_MACHINE, name);
    }

    /** An EventBridge rule on the default bus by name; cleanup removes its targets, then deletes it. */
    public static Resource eventRule(String name) {
        return new Resource(ResourceType.EVENTBRIDGE_RULE, name);
    }

    @Override
    public String toString() {
        return type.label() + " " + id;
    }
}
