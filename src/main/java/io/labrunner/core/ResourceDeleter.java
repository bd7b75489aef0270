package io.labrunner.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GuardrailSummary;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/**
 * Deletes one ledger resource of any kind. Deleting what is already gone succeeds and says so,
 * so cleanup is safe to run twice or after a crash; conflicts that eventual consistency causes
 * are retried. Every kind tells "deleted" from "there was nothing to delete": a cleanup on a
 * fresh emulator, or after another one, must not claim deletes it did not make.
 */
public final class ResourceDeleter {
    private static final int ATTEMPTS = 6;

    /** What a delete found. */
    public enum Deletion {
        /** It was there and is deleted (a job: stopped) now. */
        DELETED(""),
        /** A job that cannot be deleted was there, but had ended already: nothing to stop. */
        ALREADY_ENDED("had already ended"),
        /** There was nothing of that name to delete. */
        ALREADY_GONE("already gone");

        private final String remark;

        Deletion(String remark) {
            this.remark = remark;
        }

        /** How a cleanup line says it: empty for a delete, else {@code already gone} or {@code had already ended}. */
        public String remark() {
            return remark;
        }

        /** Whether the resource was found at all. */
        public boolean found() {
            return this != ALREADY_GONE;
        }

        static Deletion of(boolean deleted) {
            return deleted ? DELETED : ALREADY_GONE;
        }
    }

    private final AwsClients clients;

    public ResourceDeleter(AwsClients clients) {
        this.clients = clients;
    }

    /** Deletes the resource, retrying transient failures, and tells whether it was there at all. */
    public Deletion delete(Resource resource) throws InterruptedException {
        Duration backoff = Duration.ofMillis(200);
        for (int attempt = 1; ; attempt++) {
            try {
                return deleteOnce(resource);
            } catch (AwsServiceException e) {
                if (isNotFound(resource.type(), e)) {
                    return Deletion.ALREADY_GONE;
                }
                if (attempt == ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private Deletion deleteOnce(Resource resource) throws InterruptedException {
        switch (resource.type()) {
            case S3_BUCKET:
                return Deletion.of(deleteBucket(resource.id()));
            case IAM_ROLE:
                return Deletion.of(deleteRole(resource.id()));
            case GLUE_DATABASE:
                return Deletion.of(deleteDatabase(resource.id()));
            case GLUE_CRAWLER:
                return Deletion.of(deleteCrawler(resource.id()));
            case ATHENA_WORKGROUP:
                return Deletion.of(deleteWorkGroup(resource.id()));
            case KINESIS_STREAM:
                return Deletion.of(deleteStream(resource.id()));
            case FIREHOSE_STREAM:
                return Deletion.of(deleteDeliveryStream(resource.id()));
            case BEDROCK_GUARDRAIL:
                return Deletion.of(deleteGuardrail(resource.id()));
            case SAGEMAKER_TRAINING_JOB:
                return stopTrainingJob(resource.id());
            case SAGEMAKER_MODEL:
                // A missing model is a ValidationException that isNotFound recognises.
                clients.sageMaker().deleteModel(r -> r.modelName(resource.id()));
                return Deletion.DELETED;
            case SAGEMAKER_TRANSFORM_JOB:
                return stopTransformJob(resource.id());
            case SAGEMAKER_TUNING_JOB:
                return stopTuningJob(resource.id());
            case SAGEMAKER_MODEL_PACKAGE_GROUP:
                return deleteModelPackageGroup(resource.id());
            case SAGEMAKER_PROCESSING_JOB:
                return stopProcessingJob(resource.id());
            case SAGEMAKER_DATA_QUALITY_JOB_DEFINITION:
                clients.sageMaker().deleteDataQualityJobDefinition(r -> r.jobDefinitionName(resource.id()));
                return Deletion.DELETED;
            case SAGEMAKER_MONITORING_SCHEDULE:
                clients.sageMaker().deleteMonitoringSchedule(r -> r.monitoringScheduleName(resource.id()));
                return Deletion.DELETED;
            case SAGEMAKER_ENDPOINT_CONFIG:
                clients.sageMaker().deleteEndpointConfig(r -> r.endpointConfigName(resource.id()));
                return Deletion.DELETED;
            case SAGEMAKER_ENDPOINT:
                return deleteEndpoint(resource.id());
            case CLOUDWATCH_ALARM:
                return Deletion.of(deleteAlarm(resource.id()));
            case KMS_KEY:
                return Deletion.of(scheduleKeyDeletion(resource.id()));
            case KMS_ALIAS:
                clients.kms().deleteAlias(r -> r.aliasName(resource.id()));
                return Deletion.DELETED;
            case SECRETSMANAGER_SECRET:
                return Deletion.of(deleteSecret(resource.id()));
            case STEPFUNCTIONS_STATE_MACHINE:
                return Deletion.of(deleteStateMachine(resource.id()));
            case EVENTBRIDGE_RULE:
                return Deletion.of(deleteRule(resource.id()));
            case SAGEMAKER_PIPELINE:
                clients.sageMaker().deletePipeline(r -> r.pipelineName(resource.id()));
                return Deletion.DELETED;
            default:
                throw new IllegalStateException("No deleter for " + resource.type());
        }
    }

    private boolean deleteBucket(String bucket) {
        var s3 = clients.s3();
        try {
            s3.listMultipartUploadsPaginator(r -> r.bucket(bucket)).uploads().forEach(upload -> {
                try {
                    s3.abortMultipartUpload(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                } catch (NoSuchUploadException finishedMeanwhile) {
                    // Completed or aborted since the listing: nothing to abort.
                }
            });
            for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket))) {
                List<ObjectIdentifier> keys = page.contents().stream()
                        .map(S3Object::key).map(k -> ObjectIdentifier.builder().key(k).build()).toList();
                if (!keys.isEmpty()) {
                    s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
                }
            }
            s3.deleteBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        }
    }

    private boolean deleteRole(String role) {
        var iam = clients.iam();
        try {
            iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role)).attachedPolicies().forEach(policy ->
                    iam.detachRolePolicy(r -> r.roleName(role).policyArn(policy.policyArn())));
            iam.listRolePoliciesPaginator(r -> r.roleName(role)).policyNames().forEach(name ->
                    iam.deleteRolePolicy(r -> r.roleName(role).policyName(name)));
            iam.deleteRole(r -> r.roleName(role));
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }

    private boolean deleteDatabase(String database) {
        try {
            clients.glue().deleteDatabase(r -> r.name(database));
            return true;
        } catch (EntityNotFoundException e) {
            return false;
        }
    }

    private boolean deleteCrawler(String crawler) throws InterruptedException {
        var glue = clients.glue();
        try {
            for (int i = 0; i < 600; i++) {
                CrawlerState state = glue.getCrawler(r -> r.name(crawler)).crawler().state();
                if (state == CrawlerState.READY) {
                    break;
                }
                if (state == CrawlerState.RUNNING) {
                    try {
                        glue.stopCrawler(r -> r.name(crawler));
                    } catch (AwsServiceException ignored) {
                        // It may have finished between the two calls; the next poll tells.
                    }
                }
                Thread.sleep(500);
            }
            glue.deleteCrawler(r -> r.name(crawler));
            return true;
        } catch (EntityNotFoundException e) {
            return false;
        }
    }

    private boolean deleteWorkGroup(String workGroup) {
        try {
            clients.athena().deleteWorkGroup(r -> r.workGroup(workGroup).recursiveDeleteOption(true));
            return true;
        } catch (InvalidRequestException e) {
            // Athena reports a missing workgroup as InvalidRequestException with "is not found".
            if (e.getMessage() != null && e.getMessage().contains("not found")) {
                return false;
            }
            throw e;
        }
    }

    private boolean deleteStream(String stream) {
        try {
            // Consumers would block the delete; a lab's stream may still have one registered.
            clients.kinesis().deleteStream(r -> r.streamName(stream).enforceConsumerDeletion(true));
            return true;
        } catch (software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException e) {
            return false;
        }
    }

    /** DeleteAlarms skips names of no alarm without a word, so whether it was there is asked first. */
    private boolean deleteAlarm(String name) {
        var cloudWatch = clients.cloudWatch();
        if (cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().isEmpty()) {
            return false;
        }
        cloudWatch.deleteAlarms(r -> r.alarmNames(name));
        return true;
    }

    /**
     * Schedules the key's deletion with KMS's shortest waiting period; AWS deletes it 7 days later. A key already
     * pending deletion was cleaned before: nothing more to do.
     */
    private boolean scheduleKeyDeletion(String keyId) {
        var kms = clients.kms();
        if (kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()
                == software.amazon.awssdk.services.kms.model.KeyState.PENDING_DELETION) {
            return false;
        }
        kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
        return true;
    }

    /**
     * Stops the state machine's running executions (which stops the jobs their .sync tasks wait for), then deletes
     * it. AWS would let running executions go on for a while after DeleteStateMachine; stopping them first means
     * nothing starts a job in a bucket cleanup is about to empty.
     */
    private boolean deleteStateMachine(String nameOrArn) {
        var sfn = clients.sfn();
        Optional<String> arn = findStateMachine(sfn, nameOrArn);
        if (arn.isEmpty()) {
            return false;
        }
        sfn.listExecutionsPaginator(r -> r.stateMachineArn(arn.get())
                        .statusFilter(software.amazon.awssdk.services.sfn.model.ExecutionStatus.RUNNING))
                .executions().forEach(execution -> {
                    try {
                        sfn.stopExecution(r -> r.executionArn(execution.executionArn()).error("LabCleanup")
                                .cause("The lab run that made this state machine is being cleaned up."));
                    } catch (software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException endedMeanwhile) {
                        // Gone between the listing and the stop: nothing runs.
                    }
                });
        sfn.deleteStateMachine(r -> r.stateMachineArn(arn.get()));
        return true;
    }

    /** The ARN of the state machine with this name (or ARN), found by listing: a name alone cannot be described. */
    static Optional<String> findStateMachine(software.amazon.awssdk.services.sfn.SfnClient sfn, String nameOrArn) {
        return sfn.listStateMachinesPaginator(r -> { }).stateMachines().stream()
                .filter(m -> m.name().equals(nameOrArn) || m.stateMachineArn().equals(nameOrArn))
                .map(software.amazon.awssdk.services.sfn.model.StateMachineListItem::stateMachineArn)
                .findFirst();
    }

    /** Removes the rule's targets (EventBridge refuses to delete a rule that has any), then the rule. */
    private boolean deleteRule(String name) {
        var events = clients.eventBridge();
        try {
            // A rule has at most five targets: one page holds them all.
            List<String> targets = events.listTargetsByRule(r -> r.rule(name)).targets().stream()
                    .map(software.amazon.awssdk.services.eventbridge.model.Target::id).toList();
            if (!targets.isEmpty()) {
                events.removeTargets(r -> r.rule(name).ids(targets).force(false));
            }
            events.deleteRule(r -> r.name(name));
            return true;
        } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
            return false;
        }
    }

    /** Deletes the secret at once, without the recovery window a learner's secret would get by default. */
    private boolean deleteSecret(String nameOrArn) {
        var secrets = clients.secretsManager();
        secrets.describeSecret(r -> r.secretId(nameOrArn));
        secrets.deleteSecret(r -> r.secretId(nameOrArn).forceDeleteWithoutRecovery(true));
        return true;
    }

    private boolean deleteDeliveryStream(String stream) {
        try {
            clients.firehose().deleteDeliveryStream(r -> r.deliveryStreamName(stream));
            return true;
        } catch (software.amazon.awssdk.services.firehose.model.ResourceNotFoundException e) {
            return false;
        }
    }

    /**
     * Training jobs cannot be deleted (AWS keeps them, ended, for good): a job still running is stopped and
     * waited for, so that it bills no more and writes nothing more; an ended one is already as gone as it gets.
     */
    private Deletion stopTrainingJob(String name) throws InterruptedException {
        var sagemaker = clients.sageMaker();
        String status = sagemaker.describeTrainingJob(r -> r.trainingJobName(name)).trainingJobStatusAsString();
        if (!"InProgress".equals(status) && !"Stopping".equals(status)) {
            return Deletion.ALREADY_ENDED;
        }
        if ("InProgress".equals(status)) {
            try {
                sagemaker.stopTrainingJob(r -> r.trainingJobName(name));
            } catch (software.amazon.awssdk.services.sagemaker.model.SageMakerException e) {
                // It ended between the two calls: "The request was rejected because the training job is in status ...".
                if (e.statusCode() != 400 || e.getMessage() == null || !e.getMessage().contains("is in status")) {
                    throw e;
                }
            }
        }
        for (int i = 0; i < 600; i++) {
            status = sagemaker.describeTrainingJob(r -> r.trainingJobName(name)).trainingJobStatusAsString();
            if (!"InProgress".equals(status) && !"Stopping".equals(status)) {
                break;
            }
            Thread.sleep(500);
        }
        return Deletion.DELETED;
    }

    /** Without a version, DeleteGuardrail removes the guardrail with all its versions. */
    private boolean deleteGuardrail(String nameIdOrArn) {
        Optional<GuardrailSummary> guardrail = findGuardrail(clients.bedrock(), nameIdOrArn);
        if (guardrail.isEmpty()) {
            return false;
        }
        try {
            clients.bedrock().deleteGuardrail(r -> r.guardrailIdentifier(guardrail.get().id()));
            return true;
        } catch (software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException e) {
            return false;
        }
    }

    /**
     * Deletes the group's model package versions, then the group: AWS refuses (ConflictException) to delete a
     * group that still holds versions. A missing group is a ValidationException that isNotFound recognises.
     */
    private Deletion deleteModelPackageGroup(String name) {
        var sagemaker = clients.sageMaker();
        sagemaker.describeModelPackageGroup(r -> r.modelPackageGroupName(name));
        sagemaker.listModelPackagesPaginator(r -> r.modelPackageGroupName(name)).modelPackageSummaryList()
                .forEach(version -> {
                    try {
                        sagemaker.deleteModelPackage(r -> r.modelPackageName(version.modelPackageArn()));
                    } catch (AwsServiceException e) {
                        // A version deleted since the listing is what this delete wanted.
                        if (!(e.statusCode() == 400 && message(e).startsWith("ModelPackage ")
                                && message(e).endsWith("does not exist."))) {
                            throw e;
                        }
                    }
                });
        sagemaker.deleteModelPackageGroup(r -> r.modelPackageGroupName(name));
        return Deletion.DELETED;
    }

    /** Stops a processing job (a baseline or monitoring run) that still runs and waits until it has ended. */
    private Deletion stopProcessingJob(String name) throws InterruptedException {
        var sagemaker = clients.sageMaker();
        for (int i = 0; i < 600; i++) {
            String status = sagemaker.describeProcessingJob(r -> r.processingJobName(name))
                    .processingJobStatusAsString();
            if (!status.equals("InProgress") && !status.equals("Stopping")) {
                return i == 0 ? Deletion.ALREADY_ENDED : Deletion.DELETED;
            }
            if (status.equals("InProgress")) {
                try {
                    sagemaker.stopProcessingJob(r -> r.processingJobName(name));
                } catch (AwsServiceException endedMeanwhile) {
                    // It may have ended between the two calls; the next poll tells.
                }
            }
            Thread.sleep(500);
        }
        return Deletion.DELETED;
    }

    /**
     * Stops the job if it runs and waits until it has ended: a transform job cannot be deleted, but one
     * left running keeps an instance billed and writes into a bucket that cleanup is about to empty.
     */
    /**
     * Deletes an endpoint and waits until DescribeEndpoint no longer finds it: until then it may still serve
     * and write captured data into a bucket cleanup is about to empty. One already Deleting is only waited for.
     */
    private Deletion deleteEndpoint(String name) throws InterruptedException {
        var sagemaker = clients.sageMaker();
        if (!"Deleting".equals(sagemaker.describeEndpoint(r -> r.endpointName(name)).endpointStatusAsString())) {
            sagemaker.deleteEndpoint(r -> r.endpointName(name));
        }
        for (int i = 0; i < 1200; i++) {
            try {
                sagemaker.describeEndpoint(r -> r.endpointName(name));
            } catch (AwsServiceException e) {
                if (isNotFound(ResourceType.SAGEMAKER_ENDPOINT, e)) {
                    return Deletion.DELETED;
                }
                throw e;
            }
            Thread.sleep(500);
        }
        return Deletion.DELETED;
    }

    private Deletion stopTransformJob(String name) throws InterruptedException {
        var sagemaker = clients.sageMaker();
        for (int i = 0; i < 600; i++) {
            TransformJobStatus status = sagemaker.describeTransformJob(r -> r.transformJobName(name))
                    .transformJobStatus();
            if (status != TransformJobStatus.IN_PROGRESS && status != TransformJobStatus.STOPPING) {
                return i == 0 ? Deletion.ALREADY_ENDED : Deletion.DELETED;
            }
            if (status == TransformJobStatus.IN_PROGRESS) {
                try {
                    sagemaker.stopTransformJob(r -> r.transformJobName(name));
                } catch (AwsServiceException endedMeanwhile) {
                    // It may have ended between the two calls; the next poll tells.
                }
            }
            Thread.sleep(500);
        }
        return Deletion.DELETED;
    }

    /**
     * Stops a tuning job that still runs — which stops the training jobs it launched — and waits until it
     * has ended, so that nothing more is trained or written into the bucket cleanup is about to empty.
     */
    private Deletion stopTuningJob(String name) throws InterruptedException {
        var sagemaker = clients.sageMaker();
        for (int i = 0; i < 600; i++) {
            String status = sagemaker.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name))
                    .hyperParameterTuningJobStatusAsString();
            if (!"InProgress".equals(status) && !"Stopping".equals(status)) {
                return i == 0 ? Deletion.ALREADY_ENDED : Deletion.DELETED;
            }
            if ("InProgress".equals(status)) {
                try {
                    sagemaker.stopHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name));
                } catch (AwsServiceException endedMeanwhile) {
                    // It may have ended between the two calls; the next poll tells.
                }
            }
            Thread.sleep(500);
        }
        return Deletion.DELETED;
    }

    /**
     * The guardrail with this name, id or ARN. ListGuardrails without an identifier lists each
     * guardrail once (its DRAFT), with name, id and ARN.
     */
    static Optional<GuardrailSummary> findGuardrail(BedrockClient bedrock, String nameIdOrArn) {
        return bedrock.listGuardrailsPaginator(r -> { }).guardrails().stream()
                .filter(g -> nameIdOrArn.equals(g.name()) || nameIdOrArn.equals(g.id()) || nameIdOrArn.equals(g.arn()))
                .findFirst();
    }

    /**
     * Whether the service says the resource itself does not exist, also when the SDK has no class for
     * the error on that operation. Only the code that names the resource's own kind counts: a
     * NoSuchUpload while emptying a bucket says nothing about the bucket.
     */
    static boolean isNotFound(ResourceType type, AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
        switch (type) {
            case S3_BUCKET:
                return e instanceof NoSuchBucketException || code.equals("NoSuchBucket");
            case IAM_ROLE:
                return e instanceof NoSuchEntityException || code.equals("NoSuchEntity");
            case GLUE_DATABASE:
            case GLUE_CRAWLER:
                return e instanceof EntityNotFoundException || code.equals("EntityNotFoundException");
            case KINESIS_STREAM:
            case FIREHOSE_STREAM:
            case BEDROCK_GUARDRAIL:
                return code.equals("ResourceNotFoundException");
            case SAGEMAKER_TRAINING_JOB:
                // SageMaker answers an unknown job with ValidationException "Requested resource not found."
                return code.equals("ResourceNotFound") || (code.equals("ValidationException")
                        && e.getMessage() != null && e.getMessage().startsWith("Requested resource not found"));
            case SAGEMAKER_MODEL:
                // SageMaker answers a missing resource with a ValidationException; only its message tells.
                return code.equals("ValidationException") && message(e).startsWith("Could not find model");
            case SAGEMAKER_TRANSFORM_JOB:
            case SAGEMAKER_PROCESSING_JOB:
                return code.equals("ValidationException") && message(e).startsWith("Could not find requested job");
            case SAGEMAKER_DATA_QUALITY_JOB_DEFINITION:
            case SAGEMAKER_MONITORING_SCHEDULE:
                return code.equals("ResourceNotFound");
            case SAGEMAKER_ENDPOINT:
                // "Could not find endpoint "arn:aws:sagemaker:...:endpoint/<name>"."
                return code.equals("ValidationException") && message(e).startsWith("Could not find endpoint \"");
            case SAGEMAKER_ENDPOINT_CONFIG:
                return code.equals("ValidationException")
                        && message(e).startsWith("Could not find endpoint configuration");
            case SAGEMAKER_TUNING_JOB:
                // "Amazon SageMaker can't find a tuning job with name ..."
                return code.equals("ResourceNotFound");
            case SAGEMAKER_MODEL_PACKAGE_GROUP:
                // "ModelPackageGroup arn:...:model-package-group/<name> does not exist."
                return code.equals("ValidationException") && message(e).startsWith("ModelPackageGroup ")
                        && message(e).contains("does not exist");
            case CLOUDWATCH_ALARM:
                return code.equals("ResourceNotFound") || code.equals("ResourceNotFoundException");
            case KMS_KEY:
            case KMS_ALIAS:
                return code.equals("NotFoundException");
            case SECRETSMANAGER_SECRET:
                return code.equals("ResourceNotFoundException");
            case STEPFUNCTIONS_STATE_MACHINE:
                return code.equals("StateMachineDoesNotExist");
            case EVENTBRIDGE_RULE:
                return code.equals("ResourceNotFoundException");
            case SAGEMAKER_PIPELINE:
                // "Pipeline 'arn:...:pipeline/<name>' does not exist."
                return code.equals("ResourceNotFound");
            default:
                return false;
        }
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? "" : e.awsErrorDetails().errorMessage();
    }

    private static boolean isTransient(AwsServiceException e) {
        return e instanceof CrawlerRunningException
                || e instanceof software.amazon.awssdk.services.kinesis.model.ResourceInUseException
                // A stream still CREATING cannot be deleted yet.
                || e instanceof software.amazon.awssdk.services.firehose.model.ResourceInUseException
                // A group whose versions are still being deleted refuses its own delete for a moment.
                || e instanceof software.amazon.awssdk.services.sagemaker.model.ConflictException
                || e.isThrottlingException()
                || e.statusCode() >= 500
                || e.statusCode() == 409;
    }
}
