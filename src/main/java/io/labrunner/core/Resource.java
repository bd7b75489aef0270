package io.labrunner.core;

import io.labrunner.core.kinds.AthenaKinds;
import io.labrunner.core.kinds.BedrockKinds;
import io.labrunner.core.kinds.CloudWatchKinds;
import io.labrunner.core.kinds.EventBridgeKinds;
import io.labrunner.core.kinds.FirehoseKinds;
import io.labrunner.core.kinds.GlueKinds;
import io.labrunner.core.kinds.IamKinds;
import io.labrunner.core.kinds.KinesisKinds;
import io.labrunner.core.kinds.KmsKinds;
import io.labrunner.core.kinds.S3Kinds;
import io.labrunner.core.kinds.SageMakerKinds;
import io.labrunner.core.kinds.SecretsManagerKinds;
import io.labrunner.core.kinds.StepFunctionsKinds;

/**
 * A cloud resource a run created, as the ledger records it.
 *
 * @param kind kind of resource, which knows how to list, tag and delete it
 * @param id   the resource's name or id, enough to delete it
 */
public record Resource(ResourceKind kind, String id) {

    public static Resource bucket(String name) {
        return new Resource(S3Kinds.BUCKET, name);
    }

    public static Resource role(String name) {
        return new Resource(IamKinds.ROLE, name);
    }

    public static Resource glueDatabase(String name) {
        return new Resource(GlueKinds.DATABASE, name);
    }

    public static Resource crawler(String name) {
        return new Resource(GlueKinds.CRAWLER, name);
    }

    public static Resource workGroup(String name) {
        return new Resource(AthenaKinds.WORKGROUP, name);
    }

    public static Resource stream(String name) {
        return new Resource(KinesisKinds.STREAM, name);
    }

    public static Resource deliveryStream(String name) {
        return new Resource(FirehoseKinds.DELIVERY_STREAM, name);
    }

    /** A guardrail by name, id or ARN: the ledger records its name, which is known before creation. */
    public static Resource guardrail(String nameOrArn) {
        return new Resource(BedrockKinds.GUARDRAIL, nameOrArn);
    }

    /** A training job by name; cleanup stops it if it still runs (training jobs cannot be deleted). */
    public static Resource trainingJob(String name) {
        return new Resource(SageMakerKinds.TRAINING_JOB, name);
    }

    /** A CloudWatch metric alarm by name. */
    public static Resource alarm(String name) {
        return new Resource(CloudWatchKinds.ALARM, name);
    }

    public static Resource sageMakerModel(String name) {
        return new Resource(SageMakerKinds.MODEL, name);
    }

    /** An endpoint configuration by name. */
    public static Resource endpointConfig(String name) {
        return new Resource(SageMakerKinds.ENDPOINT_CONFIG, name);
    }

    /** An endpoint by name; cleanup deletes it and waits until it is gone. */
    public static Resource endpoint(String name) {
        return new Resource(SageMakerKinds.ENDPOINT, name);
    }

    public static Resource transformJob(String name) {
        return new Resource(SageMakerKinds.TRANSFORM_JOB, name);
    }

    /** A SageMaker pipeline by name. */
    public static Resource sageMakerPipeline(String name) {
        return new Resource(SageMakerKinds.PIPELINE, name);
    }

    /** A model package group by name; cleanup deletes its versions, then the group. */
    public static Resource modelPackageGroup(String name) {
        return new Resource(SageMakerKinds.MODEL_PACKAGE_GROUP, name);
    }

    /** A processing job by name; cleanup stops it if it still runs. */
    public static Resource processingJob(String name) {
        return new Resource(SageMakerKinds.PROCESSING_JOB, name);
    }

    public static Resource dataQualityJobDefinition(String name) {
        return new Resource(SageMakerKinds.DATA_QUALITY_JOB_DEFINITION, name);
    }

    public static Resource monitoringSchedule(String name) {
        return new Resource(SageMakerKinds.MONITORING_SCHEDULE, name);
    }

    /** A hyperparameter tuning job by name; cleanup stops it if it still runs. */
    public static Resource tuningJob(String name) {
        return new Resource(SageMakerKinds.TUNING_JOB, name);
    }

    /** A KMS key by id or ARN; cleanup schedules its deletion (7 days). */
    public static Resource kmsKey(String keyIdOrArn) {
        return new Resource(KmsKinds.KEY, keyIdOrArn);
    }

    /** A KMS alias by name, {@code alias/...}. */
    public static Resource kmsAlias(String aliasName) {
        return new Resource(KmsKinds.ALIAS, aliasName);
    }

    /** A Secrets Manager secret by name or ARN; cleanup deletes it without recovery. */
    public static Resource secret(String nameOrArn) {
        return new Resource(SecretsManagerKinds.SECRET, nameOrArn);
    }

    /** A Step Functions state machine by name; cleanup stops its running executions, then deletes it. */
    public static Resource stateMachine(String name) {
        return new Resource(StepFunctionsKinds.STATE_MACHINE, name);
    }

    /** An EventBridge rule on the default bus by name; cleanup removes its targets, then deletes it. */
    public static Resource eventRule(String name) {
        return new Resource(EventBridgeKinds.RULE, name);
    }

    @Override
    public String toString() {
        return kind.label() + " " + id;
    }
}
