package io.labrunner.target;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.Failures;
import io.labrunner.core.Leftovers;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter;
import io.labrunner.core.ResourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what lab runs left on a target, with or without their ledgers: resources tagged
 * {@code lab:run-id} (Resource Groups Tagging API, real accounts) and resources whose names follow
 * the runner's {@code lab-<runid>-} pattern (every target, and untaggable kinds). Deletes them only
 * when asked.
 */
public final class Sweeper {
    /** The runner's names: {@code lab-} (or {@code lab_} for Glue), a six-character run id, a dash. */
    static final Pattern RUN_NAME = Pattern.compile("lab[-_][a-z][a-z2-9]{5}[-_].+");
    /** A run's tags say when it expires; it started this long before (the runner's time to live). */
    private static final Duration TIME_TO_LIVE = Duration.ofHours(6);

    /**
     * One leftover.
     *
     * @param what      e.g. {@code S3 bucket lab-k3f9x2-data}, or an ARN for kinds without a deleter
     * @param resource  what {@link ResourceDeleter} can delete, if it knows the kind
     * @param startedAt when its run started, if known
     * @param foundBy   {@code tag} or {@code name}
     */
    public record Leftover(String what, Optional<Resource> resource, Optional<Instant> startedAt, String foundBy) {
    }

    private final AwsClients clients;
    private final Set<Capability> capabilities;
    private final TaggedResources tagged;
    private final Clock clock;

    public Sweeper(AwsClients clients, Set<Capability> capabilities, TaggedResources tagged, Clock clock) {
        this.clients = clients;
        this.capabilities = capabilities;
        this.tagged = tagged;
        this.clock = clock;
    }

    /** A run's monitoring schedules and job definitions by name, and its processing jobs still running. */
    private void byMonitorName(Map<String, Leftover> found) {
        var sagemaker = clients.sageMaker();
        sagemaker.listMonitoringSchedulesPaginator(r -> r.nameContains("lab-")).monitoringScheduleSummaries().stream()
                .filter(m -> RUN_NAME.matcher(m.monitoringScheduleName()).matches())
                .forEach(m -> add(found, Resource.monitoringSchedule(m.monitoringScheduleName()), m.creationTime()));
        sagemaker.listDataQualityJobDefinitionsPaginator(r -> r.nameContains("lab-")).jobDefinitionSummaries().stream()
                .filter(d -> RUN_NAME.matcher(d.monitoringJobDefinitionName()).matches())
                .forEach(d -> add(found, Resource.dataQualityJobDefinition(d.monitoringJobDefinitionName()),
                        d.creationTime()));
        sagemaker.listProcessingJobsPaginator(r -> r.nameContains("lab-")).processingJobSummaries().stream()
                .filter(j -> RUN_NAME.matcher(j.processingJobName()).matches()
                        && Leftovers.isRunning(j.processingJobStatusAsString()))
                .forEach(j -> add(found, Resource.processingJob(j.processingJobName()), j.creationTime()));
    }

    /** Leftovers whose runs started more than {@code olderThan} ago (or whose age is unknown). */
    public List<Leftover> find(Duration olderThan) {
        Map<String, Leftover> found = new LinkedHashMap<>();
        for (TaggedResources.Tagged t : tagged.find()) {
            Optional<Instant> started = Optional.ofNullable(t.tags().get("lab:expires-at")).flatMap(Sweeper::instant)
                    .map(expires -> expires.minus(TIME_TO_LIVE));
            Optional<Resource> resource = fromArn(t.arn());
            if (resource.filter(r -> r.type() == ResourceType.SAGEMAKER_TRAINING_JOB
                    || r.type() == ResourceType.SAGEMAKER_TRANSFORM_JOB
                    || r.type() == ResourceType.SAGEMAKER_TUNING_JOB
                    || r.type() == ResourceType.SAGEMAKER_PROCESSING_JOB).isPresent()) {
                continue; // tags find ended jobs too, which AWS keeps for good; running ones are found by name
            }
            String what = resource.map(Resource::toString).orElse(t.arn());
            found.put(what, new Leftover(what, resource, started, "tag"));
        }
        byName(found);
        Instant cutoff = clock.instant().minus(olderThan);
        List<Leftover> old = new ArrayList<>();
        for (Leftover leftover : found.values()) {
            if (leftover.startedAt().map(s -> s.isBefore(cutoff)).orElse(true)) {
                old.add(leftover);
            }
        }
        return old;
    }

    /** Deletes what it can; returns one line per leftover that is still there. */
    public List<String> delete(List<Leftover> leftovers) {
        ResourceDeleter deleter = new ResourceDeleter(clients);
        List<String> problems = new ArrayList<>();
        for (Leftover leftover : leftovers) {
            if (leftover.resource().isEmpty()) {
                problems.add(leftover.what() + ": Lab Runner cannot delete this kind; delete it in the console");
                continue;
            }
            try {
                deleter.delete(leftover.resource().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add(leftover.what() + ": interrupted");
                return problems;
            } catch (RuntimeException e) {
                problems.add(leftover.what() + ": " + Failures.describe(e));
            }
        }
        return problems;
    }

    private void byName(Map<String, Leftover> found) {
        clients.s3().listBuckets().buckets().stream()
                .filter(b -> RUN_NAME.matcher(b.name()).matches())
                .forEach(b -> add(found, Resource.bucket(b.name()), b.creationDate()));
        if (capabilities.contains(Capability.IAM)) {
            clients.iam().listRolesPaginator().roles().stream()
                    .filter(r -> RUN_NAME.matcher(r.roleName()).matches())
                    .forEach(r -> add(found, Resource.role(r.roleName()), r.createDate()));
        }
        if (capabilities.contains(Capability.GLUE_CATALOG)) {
            clients.glue().getDatabasesPaginator(r -> { }).stream()
                    .flatMap(page -> page.databaseList().stream())
                    .filter(d -> RUN_NAME.matcher(d.name()).matches())
                    .forEach(d -> add(found, Resource.glueDatabase(d.name()), d.createTime()));
        }
        if (capabilities.contains(Capability.GLUE_CRAWLER)) {
            clients.glue().getCrawlersPaginator(r -> { }).stream()
                    .flatMap(page -> page.crawlers().stream())
                    .filter(c -> RUN_NAME.matcher(c.name()).matches())
                    .forEach(c -> add(found, Resource.crawler(c.name()), c.creationTime()));
        }
        if (capabilities.contains(Capability.KINESIS)) {
            byKinesisName(found);
        }
        if (capabilities.contains(Capability.ATHENA_SQL)) {
            clients.athena().listWorkGroupsPaginator(r -> { }).stream()
                    .flatMap(page -> page.workGroups().stream())
                    .filter(w -> RUN_NAME.matcher(w.name()).matches())
                    .forEach(w -> add(found, Resource.workGroup(w.name()), w.creationTime()));
        }
        if (capabilities.contains(Capability.SAGEMAKER_TRAINING)) {
            clients.sageMaker().listTrainingJobsPaginator(r -> r.nameContains("lab-")).trainingJobSummaries().stream()
                    .filter(j -> RUN_NAME.matcher(j.trainingJobName()).matches()
                            && Leftovers.isRunning(j.trainingJobStatusAsString()))
                    .forEach(j -> add(found, Resource.trainingJob(j.trainingJobName()), j.creationTime()));
            clients.sageMaker().listModelsPaginator(r -> r.nameContains("lab-")).models().stream()
                    .filter(m -> RUN_NAME.matcher(m.modelName()).matches())
                    .forEach(m -> add(found, Resource.sageMakerModel(m.modelName()), m.creationTime()));
            clients.sageMaker().listTransformJobsPaginator(r -> r.nameContains("lab-")).transformJobSummaries().stream()
                    .filter(j -> RUN_NAME.matcher(j.transformJobName()).matches()
                            && Leftovers.isRunning(j.transformJobStatusAsString()))
                    .forEach(j -> add(found, Resource.transformJob(j.transformJobName()), j.creationTime()));
            clients.sageMaker().listHyperParameterTuningJobsPaginator(r -> r.nameContains("lab-"))
                    .hyperParameterTuningJobSummaries().stream()
                    .filter(j -> RUN_NAME.matcher(j.hyperParameterTuningJobName()).matches()
                            && Leftovers.isRunning(j.hyperParameterTuningJobStatusAsString()))
                    .forEach(j -> add(found, Resource.tuningJob(j.hyperParameterTuningJobName()), j.creationTime()));
            clients.sageMaker().listModelPackageGroupsPaginator(r -> r.nameContains("lab-"))
                    .modelPackageGroupSummaryList().stream()
                    .filter(g -> RUN_NAME.matcher(g.modelPackageGroupName()).matches())
                    .forEach(g -> add(found, Resource.modelPackageGroup(g.modelPackageGroupName()),
                            g.creationTime()));
        }
        if (capabilities.contains(Capability.SAGEMAKER_MODEL_MONITOR)) {
            byMonitorName(found);
        }
        if (capabilities.contains(Capability.SAGEMAKER_PIPELINES)) {
            // A name prefix may not end in a hyphen (the model's pattern), so "lab", then the run-name filter.
            clients.sageMaker().listPipelinesPaginator(r -> r.pipelineNamePrefix("lab")).pipelineSummaries().stream()
                    .filter(p -> RUN_NAME.matcher(p.pipelineName()).matches())
                    .forEach(p -> add(found, Resource.sageMakerPipeline(p.pipelineName()), p.creationTime()));
        }
        if (capabilities.contains(Capability.SAGEMAKER_HOSTING)) {
            clients.sageMaker().listEndpointsPaginator(r -> r.nameContains("lab-")).endpoints().stream()
                    .filter(e -> RUN_NAME.matcher(e.endpointName()).matches())
                    .forEach(e -> add(found, Resource.endpoint(e.endpointName()), e.creationTime()));
            clients.sageMaker().listEndpointConfigsPaginator(r -> r.nameContains("lab-")).endpointConfigs().stream()
                    .filter(c -> RUN_NAME.matcher(c.endpointConfigName()).matches())
                    .forEach(c -> add(found, Resource.endpointConfig(c.endpointConfigName()), c.creationTime()));
        }
        if (capabilities.contains(Capability.CLOUDWATCH_METRICS)) {
            clients.cloudWatch().describeAlarmsPaginator(r -> r.alarmNamePrefix("lab-")).metricAlarms().stream()
                    .filter(a -> RUN_NAME.matcher(a.alarmName()).matches())
                    .forEach(a -> add(found, Resource.alarm(a.alarmName()), a.alarmConfigurationUpdatedTimestamp()));
        }
        if (capabilities.contains(Capability.KMS)) {
            byKmsAlias(found);
        }
        if (capabilities.contains(Capability.SECRETS_MANAGER)) {
            clients.secretsManager().listSecretsPaginator(r -> r.includePlannedDeletion(false)).stream()
                    .flatMap(page -> page.secretList().stream())
                    .filter(sec -> RUN_NAME.matcher(sec.name()).matches())
                    .forEach(sec -> add(found, Resource.secret(sec.arn()), sec.createdDate()));
        }
        if (capabilities.contains(Capability.STEP_FUNCTIONS)) {
            clients.sfn().listStateMachinesPaginator(r -> { }).stateMachines().stream()
                    .filter(m -> RUN_NAME.matcher(m.name()).matches())
                    .forEach(m -> add(found, Resource.stateMachine(m.name()), m.creationDate()));
        }
        if (capabilities.contains(Capability.EVENTBRIDGE)) {
            // Rules have no creation time: a rule found by name alone is of unknown age, so it is listed.
            clients.eventBridge().listRules(r -> r.namePrefix("lab")).rules().stream()
                    .filter(rule -> RUN_NAME.matcher(rule.name()).matches())
                    .forEach(rule -> add(found, Resource.eventRule(rule.name()), null));
        }
        if (capabilities.contains(Capability.BEDROCK_GUARDRAILS)) {
            // Keyed by ARN, as the tagged ones are, so a guardrail found both ways is listed once.
            clients.bedrock().listGuardrailsPaginator(r -> { }).guardrails().stream()
                    .filter(g -> RUN_NAME.matcher(g.name()).matches())
                    .forEach(g -> add(found, Resource.guardrail(g.arn()), g.createdAt()));
        }
    }

    /**
     * A run's aliases ({@code alias/lab-<runid>-...}) and the keys they name: keys have no names, so an untagged key
     * is found through its alias. Keys already pending deletion were cleaned before.
     */
    private void byKmsAlias(Map<String, Leftover> found) {
        var kms = clients.kms();
        kms.listAliasesPaginator(r -> { }).aliases().stream()
                .filter(a -> a.aliasName().startsWith("alias/")
                        && RUN_NAME.matcher(a.aliasName().substring("alias/".length())).matches())
                .forEach(a -> {
                    add(found, Resource.kmsAlias(a.aliasName()), a.creationDate());
                    if (a.targetKeyId() != null && kms.describeKey(r -> r.keyId(a.targetKeyId())).keyMetadata()
                            .keyState() != software.amazon.awssdk.services.kms.model.KeyState.PENDING_DELETION) {
                        add(found, Resource.kmsKey(a.targetKeyId()), a.creationDate());
                    }
                });
    }

    private void byKinesisName(Map<String, Leftover> found) {
        clients.kinesis().listStreamsPaginator(r -> { }).stream()
                .flatMap(page -> page.streamSummaries().stream())
                .filter(st -> RUN_NAME.matcher(st.streamName()).matches())
                .forEach(st -> add(found, new Resource(ResourceType.KINESIS_STREAM, st.streamName()),
                        st.streamCreationTimestamp()));
    }

    private static void add(Map<String, Leftover> found, Resource resource, Instant created) {
        // A tagged resource keeps the age its tags give; the name only adds what tags did not find.
        found.putIfAbsent(resource.toString(),
                new Leftover(resource.toString(), Optional.of(resource), Optional.ofNullable(created), "name"));
    }

    /** The ledger resource an ARN names, for the kinds the runner can delete. */
    static Optional<Resource> fromArn(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        String service = parts[2];
        String rest = parts[5];
        String last = rest.substring(rest.lastIndexOf('/') + 1);
        switch (service) {
            case "s3":
                return rest.contains("/") ? Optional.empty() : Optional.of(Resource.bucket(rest));
            case "iam":
                return rest.startsWith("role/") ? Optional.of(Resource.role(last)) : Optional.empty();
            case "glue":
                if (rest.startsWith("database/")) {
                    return Optional.of(new Resource(ResourceType.GLUE_DATABASE, last));
                }
                return rest.startsWith("crawler/") ? Optional.of(Resource.crawler(last)) : Optional.empty();
            case "kinesis":
                return rest.startsWith("stream/") ? Optional.of(new Resource(ResourceType.KINESIS_STREAM, last))
                        : Optional.empty();
            case "athena":
                return rest.startsWith("workgroup/") ? Optional.of(Resource.workGroup(last)) : Optional.empty();
            case "sagemaker":
                if (rest.startsWith("training-job/")) {
                    return Optional.of(Resource.trainingJob(last));
                }
                if (rest.startsWith("model/")) {
                    return Optional.of(Resource.sageMakerModel(last));
                }
                if (rest.startsWith("pipeline/")) {
                    return Optional.of(Resource.sageMakerPipeline(last));
                }
                if (rest.startsWith("model-package-group/")) {
                    return Optional.of(Resource.modelPackageGroup(last));
                }
                if (rest.startsWith("model-package/")) {
                    // A version, model-package/<group>/<version>: cleaning its group deletes it too.
                    String[] path = rest.split("/");
                    return path.length == 3 ? Optional.of(Resource.modelPackageGroup(path[1])) : Optional.empty();
                }
                if (rest.startsWith("endpoint/")) {
                    return Optional.of(Resource.endpoint(last));
                }
                if (rest.startsWith("endpoint-config/")) {
                    return Optional.of(Resource.endpointConfig(last));
                }
                if (rest.startsWith("hyper-parameter-tuning-job/")) {
                    return Optional.of(Resource.tuningJob(last));
                }
                if (rest.startsWith("processing-job/")) {
                    return Optional.of(Resource.processingJob(last));
                }
                if (rest.startsWith("data-quality-job-definition/")) {
                    return Optional.of(Resource.dataQualityJobDefinition(last));
                }
                if (rest.startsWith("monitoring-schedule/")) {
                    return Optional.of(Resource.monitoringSchedule(last));
                }
                return rest.startsWith("transform-job/") ? Optional.of(Resource.transformJob(last)) : Optional.empty();
            case "cloudwatch":
                return rest.startsWith("alarm:") ? Optional.of(Resource.alarm(rest.substring("alarm:".length())))
                        : Optional.empty();
            case "bedrock":
                return rest.startsWith("guardrail/") ? Optional.of(Resource.guardrail(arn)) : Optional.empty();
            case "kms":
                if (rest.startsWith("alias/")) {
                    return Optional.of(Resource.kmsAlias(rest));
                }
                return rest.startsWith("key/") ? Optional.of(Resource.kmsKey(last)) : Optional.empty();
            case "states":
                // arn:aws:states:<region>:<account>:stateMachine:<name>; an execution's ARN names its machine too.
                String[] machine = rest.split(":");
                return machine.length >= 2 && (machine[0].equals("stateMachine") || machine[0].equals("execution"))
                        ? Optional.of(Resource.stateMachine(machine[1])) : Optional.empty();
            case "events":
                // arn:aws:events:<region>:<account>:rule/<name>, or rule/<bus>/<name> on a custom bus.
                return rest.startsWith("rule/") && rest.split("/").length == 2
                        ? Optional.of(Resource.eventRule(last)) : Optional.empty();
            case "secretsmanager":
                // A secret's name may hold '/', so the whole ARN names it.
                return rest.startsWith("secret:") ? Optional.of(Resource.secret(arn)) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
