package io.labrunner.core.kinds;

import io.labrunner.core.Arns;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.NameFilter;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.core.ResourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ConflictException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * SageMaker's kinds, all by name and tagged with AddTags on the ARN that Describe gives. Training, transform, tuning
 * and processing jobs cannot be deleted on AWS, which keeps them for good once ended: cleanup stops one that still
 * runs, and only a running one is a leftover.
 */
public final class SageMakerKinds {
    /**
     * By name. AWS keeps training jobs forever and has no delete: cleanup stops a job still running, and
     * says of an ended one that it had already ended.
     */
    public static final ResourceKind TRAINING_JOB = new TrainingJob();
    /** A model made with CreateModel; deleting it leaves its artifact in S3, as on AWS. */
    public static final ResourceKind MODEL = new Model();
    /** Transform jobs cannot be deleted on AWS: cleanup stops a running one and waits until it has ended. */
    public static final ResourceKind TRANSFORM_JOB = new TransformJob();
    /**
     * By name. Cleanup stops a tuning job that still runs (which stops its training jobs) and waits until
     * it has ended; an ended one stays listed, as its training jobs do.
     */
    public static final ResourceKind TUNING_JOB = new TuningJob();
    /**
     * A Model Registry group by name, with the model package versions registered in it: AWS refuses to
     * delete a group that still holds versions, so cleanup deletes the versions first.
     */
    public static final ResourceKind MODEL_PACKAGE_GROUP = new ModelPackageGroup();
    /** Processing jobs cannot be deleted on AWS: cleanup stops a running one and waits until it has ended. */
    public static final ResourceKind PROCESSING_JOB = new ProcessingJob();
    /** A Model Monitor data quality job definition, by name. */
    public static final ResourceKind DATA_QUALITY_JOB_DEFINITION = new DataQualityJobDefinition();
    /** A Model Monitor schedule, by name; deleting it ends its executions' schedule, not their reports in S3. */
    public static final ResourceKind MONITORING_SCHEDULE = new MonitoringSchedule();
    /** An endpoint configuration by name; deleting it leaves endpoints running on it serving, as on AWS. */
    public static final ResourceKind ENDPOINT_CONFIG = new EndpointConfig();
    /** An endpoint by name: cleanup deletes it and waits until it is gone, so nothing serves or captures after. */
    public static final ResourceKind ENDPOINT = new Endpoint();
    /**
     * A SageMaker pipeline, by name. Deleting it ends the pipeline, not the jobs its steps started, which the
     * run's own ledger entries (or their ending) account for.
     */
    public static final ResourceKind PIPELINE = new Pipeline();

    private SageMakerKinds() {
    }

    /** True for a job that still runs (and bills): InProgress or Stopping. */
    public static boolean isRunning(String jobStatus) {
        return "InProgress".equals(jobStatus) || "Stopping".equals(jobStatus);
    }

    private abstract static class SageMakerKind extends Kind {
        private final String arnType;

        SageMakerKind(String id, String label, Capability capability, String arnType) {
            super(id, label, capability);
            this.arnType = arnType;
        }

        /** The resource's ARN, as Describe gives it. */
        abstract String arn(SageMakerClient sagemaker, String name);

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            List<Tag> sageMakerTags = tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            String arn = arn(clients.sageMaker(), id);
            clients.sageMaker().addTags(r -> r.resourceArn(arn).tags(sageMakerTags));
        }

        /** A group whose versions are still being deleted refuses its own delete for a moment. */
        @Override
        public boolean isTransient(AwsServiceException e) {
            return e instanceof ConflictException;
        }

        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "sagemaker", arnType);
        }

        /** What a listing found, as {@link Listed}: by name, with the job's status when it is one AWS keeps. */
        <T> List<Listed> found(Stream<T> summaries, NameFilter names, Function<T, String> name,
                               Function<T, Instant> created, Function<T, String> status) {
            return summaries.filter(s -> names.matches(name.apply(s)))
                    .filter(s -> !keptAfterEnding() || isRunning(status.apply(s)))
                    .map(s -> new Listed(new Resource(this, name.apply(s)), name.apply(s),
                            Optional.ofNullable(created.apply(s)), keptAfterEnding() ? status.apply(s) : ""))
                    .toList();
        }
    }

    /** A kind that is simply deleted by name: a missing one is a SageMaker error that isNotFound recognises. */
    private abstract static class Deletable extends SageMakerKind {
        private final BiConsumer<SageMakerClient, String> delete;

        Deletable(String id, String label, Capability capability, String arnType,
                  BiConsumer<SageMakerClient, String> delete) {
            super(id, label, capability, arnType);
            this.delete = delete;
        }

        @Override
        public Deletion delete(AwsClients clients, String name) {
            delete.accept(clients.sageMaker(), name);
            return Deletion.DELETED;
        }
    }

    private static final class TrainingJob extends SageMakerKind {
        TrainingJob() {
            super("SAGEMAKER_TRAINING_JOB", "SageMaker training job", Capability.SAGEMAKER_TRAINING, "training-job");
        }

        @Override
        public boolean keptAfterEnding() {
            return true;
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listTrainingJobsPaginator(r -> r.nameContains(names.prefix()))
                            .trainingJobSummaries().stream(), names,
                    j -> j.trainingJobName(), j -> j.creationTime(), j -> j.trainingJobStatusAsString());
        }

        /** A training job's ARN spells its name in lower case. */
        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            List<Tag> sageMakerTags = tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            clients.sageMaker().addTags(r -> r.resourceArn(arns.of("sagemaker", "training-job/"
                    + id.toLowerCase(Locale.ROOT))).tags(sageMakerTags));
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeTrainingJob(r -> r.trainingJobName(name)).trainingJobArn();
        }

        /**
         * Training jobs cannot be deleted (AWS keeps them, ended, for good): a job still running is stopped and
         * waited for, so that it bills no more and writes nothing more; an ended one is already as gone as it gets.
         */
        @Override
        public Deletion delete(AwsClients clients, String name) throws InterruptedException {
            var sagemaker = clients.sageMaker();
            String status = sagemaker.describeTrainingJob(r -> r.trainingJobName(name)).trainingJobStatusAsString();
            if (!isRunning(status)) {
                return Deletion.ALREADY_ENDED;
            }
            if ("InProgress".equals(status)) {
                try {
                    sagemaker.stopTrainingJob(r -> r.trainingJobName(name));
                } catch (SageMakerException e) {
                    // It ended between the two calls: "The request was rejected because the training job is in status ...".
                    if (e.statusCode() != 400 || e.getMessage() == null || !e.getMessage().contains("is in status")) {
                        throw e;
                    }
                }
            }
            for (int i = 0; i < 600; i++) {
                status = sagemaker.describeTrainingJob(r -> r.trainingJobName(name)).trainingJobStatusAsString();
                if (!isRunning(status)) {
                    break;
                }
                Thread.sleep(500);
            }
            return Deletion.DELETED;
        }

        /** SageMaker answers an unknown job with ValidationException "Requested resource not found." */
        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFound") || (code(e).equals("ValidationException")
                    && e.getMessage() != null && e.getMessage().startsWith("Requested resource not found"));
        }
    }

    private static final class Model extends Deletable {
        Model() {
            super("SAGEMAKER_MODEL", "SageMaker model", Capability.SAGEMAKER_TRAINING, "model",
                    (sagemaker, name) -> sagemaker.deleteModel(r -> r.modelName(name)));
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listModelsPaginator(r -> r.nameContains(names.prefix())).models().stream(),
                    names, m -> m.modelName(), m -> m.creationTime(), m -> "");
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeModel(r -> r.modelName(name)).modelArn();
        }

        /** SageMaker answers a missing resource with a ValidationException; only its message tells. */
        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ValidationException") && message(e).startsWith("Could not find model");
        }
    }

    /** Stops a job that runs until it has ended; says whether it had ended already. */
    private abstract static class StoppableJob extends SageMakerKind {
        StoppableJob(String id, String label, Capability capability, String arnType) {
            super(id, label, capability, arnType);
        }

        @Override
        public boolean keptAfterEnding() {
            return true;
        }

        abstract String status(SageMakerClient sagemaker, String name);

        abstract void stop(SageMakerClient sagemaker, String name);

        @Override
        public Deletion delete(AwsClients clients, String name) throws InterruptedException {
            var sagemaker = clients.sageMaker();
            for (int i = 0; i < 600; i++) {
                String status = status(sagemaker, name);
                if (!isRunning(status)) {
                    return i == 0 ? Deletion.ALREADY_ENDED : Deletion.DELETED;
                }
                if ("InProgress".equals(status)) {
                    try {
                        stop(sagemaker, name);
                    } catch (AwsServiceException endedMeanwhile) {
                        // It may have ended between the two calls; the next poll tells.
                    }
                }
                Thread.sleep(500);
            }
            return Deletion.DELETED;
        }
    }

    /**
     * Stops the job if it runs and waits until it has ended: a transform job cannot be deleted, but one
     * left running keeps an instance billed and writes into a bucket that cleanup is about to empty.
     */
    private static final class TransformJob extends StoppableJob {
        TransformJob() {
            super("SAGEMAKER_TRANSFORM_JOB", "SageMaker transform job", Capability.SAGEMAKER_TRAINING, "transform-job");
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            // Like training jobs, ended transform jobs stay on AWS for good; only a running one is left behind.
            return found(clients.sageMaker().listTransformJobsPaginator(r -> r.nameContains(names.prefix()))
                            .transformJobSummaries().stream(), names,
                    j -> j.transformJobName(), j -> j.creationTime(), j -> j.transformJobStatusAsString());
        }

        @Override
        String status(SageMakerClient sagemaker, String name) {
            return sagemaker.describeTransformJob(r -> r.transformJobName(name)).transformJobStatusAsString();
        }

        @Override
        void stop(SageMakerClient sagemaker, String name) {
            sagemaker.stopTransformJob(r -> r.transformJobName(name));
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeTransformJob(r -> r.transformJobName(name)).transformJobArn();
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ValidationException") && message(e).startsWith("Could not find requested job");
        }
    }

    /**
     * Stops a tuning job that still runs — which stops the training jobs it launched — and waits until it
     * has ended, so that nothing more is trained or written into the bucket cleanup is about to empty.
     */
    private static final class TuningJob extends StoppableJob {
        TuningJob() {
            super("SAGEMAKER_TUNING_JOB", "SageMaker tuning job", Capability.SAGEMAKER_TRAINING,
                    "hyper-parameter-tuning-job");
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listHyperParameterTuningJobsPaginator(r -> r.nameContains(names.prefix()))
                            .hyperParameterTuningJobSummaries().stream(), names,
                    j -> j.hyperParameterTuningJobName(), j -> j.creationTime(),
                    j -> j.hyperParameterTuningJobStatusAsString());
        }

        @Override
        String status(SageMakerClient sagemaker, String name) {
            return sagemaker.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name))
                    .hyperParameterTuningJobStatusAsString();
        }

        @Override
        void stop(SageMakerClient sagemaker, String name) {
            sagemaker.stopHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name));
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name))
                    .hyperParameterTuningJobArn();
        }

        /** "Amazon SageMaker can't find a tuning job with name ..." */
        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFound");
        }
    }

    /** Stops a processing job (a baseline or monitoring run) that still runs and waits until it has ended. */
    private static final class ProcessingJob extends StoppableJob {
        ProcessingJob() {
            super("SAGEMAKER_PROCESSING_JOB", "SageMaker processing job", Capability.SAGEMAKER_MODEL_MONITOR,
                    "processing-job");
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listProcessingJobsPaginator(r -> r.nameContains(names.prefix()))
                            .processingJobSummaries().stream(), names,
                    j -> j.processingJobName(), j -> j.creationTime(), j -> j.processingJobStatusAsString());
        }

        @Override
        String status(SageMakerClient sagemaker, String name) {
            return sagemaker.describeProcessingJob(r -> r.processingJobName(name)).processingJobStatusAsString();
        }

        @Override
        void stop(SageMakerClient sagemaker, String name) {
            sagemaker.stopProcessingJob(r -> r.processingJobName(name));
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeProcessingJob(r -> r.processingJobName(name)).processingJobArn();
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ValidationException") && message(e).startsWith("Could not find requested job");
        }
    }

    private static final class ModelPackageGroup extends SageMakerKind {
        ModelPackageGroup() {
            super("SAGEMAKER_MODEL_PACKAGE_GROUP", "SageMaker model package group", Capability.SAGEMAKER_TRAINING,
                    "model-package-group");
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listModelPackageGroupsPaginator(r -> r.nameContains(names.prefix()))
                            .modelPackageGroupSummaryList().stream(), names,
                    g -> g.modelPackageGroupName(), g -> g.creationTime(), g -> "");
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeModelPackageGroup(r -> r.modelPackageGroupName(name)).modelPackageGroupArn();
        }

        /**
         * Deletes the group's model package versions, then the group: AWS refuses (ConflictException) to delete a
         * group that still holds versions. A missing group is a ValidationException that isNotFound recognises.
         */
        @Override
        public Deletion delete(AwsClients clients, String name) {
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

        /** "ModelPackageGroup arn:...:model-package-group/<name> does not exist." */
        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ValidationException") && message(e).startsWith("ModelPackageGroup ")
                    && message(e).contains("does not exist");
        }

        /** A version's ARN, {@code model-package/<group>/<version>}, names its group: cleaning the group deletes it too. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            if (arn.service().equals("sagemaker") && arn.resource().resourceType().filter("model-package"::equals)
                    .isPresent()) {
                String[] path = arn.resourceAsString().split("/");
                return path.length == 3 ? Optional.of(path[1]) : Optional.empty();
            }
            return super.fromArn(arn);
        }
    }

    private static final class DataQualityJobDefinition extends Deletable {
        DataQualityJobDefinition() {
            super("SAGEMAKER_DATA_QUALITY_JOB_DEFINITION", "SageMaker data quality job definition",
                    Capability.SAGEMAKER_MODEL_MONITOR, "data-quality-job-definition",
                    (sagemaker, name) -> sagemaker.deleteDataQualityJobDefinition(r -> r.jobDefinitionName(name)));
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listDataQualityJobDefinitionsPaginator(r -> r.nameContains(names.prefix()))
                            .jobDefinitionSummaries().stream(), names,
                    d -> d.monitoringJobDefinitionName(), d -> d.creationTime(), d -> "");
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeDataQualityJobDefinition(r -> r.jobDefinitionName(name)).jobDefinitionArn();
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFound");
        }
    }

    private static final class MonitoringSchedule extends Deletable {
        MonitoringSchedule() {
            super("SAGEMAKER_MONITORING_SCHEDULE", "SageMaker monitoring schedule", Capability.SAGEMAKER_MODEL_MONITOR,
                    "monitoring-schedule",
                    (sagemaker, name) -> sagemaker.deleteMonitoringSchedule(r -> r.monitoringScheduleName(name)));
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listMonitoringSchedulesPaginator(r -> r.nameContains(names.prefix()))
                            .monitoringScheduleSummaries().stream(), names,
                    m -> m.monitoringScheduleName(), m -> m.creationTime(), m -> "");
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName(name)).monitoringScheduleArn();
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFound");
        }
    }

    private static final class EndpointConfig extends Deletable {
        EndpointConfig() {
            super("SAGEMAKER_ENDPOINT_CONFIG", "SageMaker endpoint configuration", Capability.SAGEMAKER_HOSTING,
                    "endpoint-config", (sagemaker, name) -> sagemaker.deleteEndpointConfig(r -> r.endpointConfigName(name)));
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listEndpointConfigsPaginator(r -> r.nameContains(names.prefix()))
                            .endpointConfigs().stream(), names,
                    c -> c.endpointConfigName(), c -> c.creationTime(), c -> "");
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeEndpointConfig(r -> r.endpointConfigName(name)).endpointConfigArn();
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ValidationException") && message(e).startsWith("Could not find endpoint configuration");
        }
    }

    private static final class Endpoint extends SageMakerKind {
        Endpoint() {
            super("SAGEMAKER_ENDPOINT", "SageMaker endpoint", Capability.SAGEMAKER_HOSTING, "endpoint");
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return found(clients.sageMaker().listEndpointsPaginator(r -> r.nameContains(names.prefix()))
                            .endpoints().stream(), names,
                    e -> e.endpointName(), e -> e.creationTime(), e -> "");
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describeEndpoint(r -> r.endpointName(name)).endpointArn();
        }

        /**
         * Deletes an endpoint and waits until DescribeEndpoint no longer finds it: until then it may still serve
         * and write captured data into a bucket cleanup is about to empty. One already Deleting is only waited for.
         */
        @Override
        public Deletion delete(AwsClients clients, String name) throws InterruptedException {
            var sagemaker = clients.sageMaker();
            if (!"Deleting".equals(sagemaker.describeEndpoint(r -> r.endpointName(name)).endpointStatusAsString())) {
                sagemaker.deleteEndpoint(r -> r.endpointName(name));
            }
            for (int i = 0; i < 1200; i++) {
                try {
                    sagemaker.describeEndpoint(r -> r.endpointName(name));
                } catch (AwsServiceException e) {
                    if (isNotFound(e)) {
                        return Deletion.DELETED;
                    }
                    throw e;
                }
                Thread.sleep(500);
            }
            return Deletion.DELETED;
        }

        /** "Could not find endpoint "arn:aws:sagemaker:...:endpoint/<name>"." */
        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ValidationException") && message(e).startsWith("Could not find endpoint \"");
        }
    }

    private static final class Pipeline extends Deletable {
        Pipeline() {
            super("SAGEMAKER_PIPELINE", "SageMaker pipeline", Capability.SAGEMAKER_PIPELINES, "pipeline",
                    (sagemaker, name) -> sagemaker.deletePipeline(r -> r.pipelineName(name)));
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            // A name prefix may not end in a hyphen (the model's pattern), as a run's does: it is cut off here.
            String prefix = names.prefix().replaceAll("-+$", "");
            return found(clients.sageMaker().listPipelinesPaginator(r -> r.pipelineNamePrefix(prefix))
                            .pipelineSummaries().stream(), names,
                    p -> p.pipelineName(), p -> p.creationTime(), p -> "");
        }

        @Override
        String arn(SageMakerClient sagemaker, String name) {
            return sagemaker.describePipeline(r -> r.pipelineName(name)).pipelineArn();
        }

        /** "Pipeline 'arn:...:pipeline/<name>' does not exist." */
        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFound");
        }
    }
}
