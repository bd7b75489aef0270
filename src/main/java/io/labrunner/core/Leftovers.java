package io.labrunner.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Looks for anything of a run still on the target, by the {@code lab-<runid>-} name prefix every
 * resource carries. The self-test uses it to prove cleanup left nothing behind.
 */
public final class Leftovers {
    private final AwsClients clients;
    private final Set<Capability> capabilities;

    public Leftovers(AwsClients clients, Set<Capability> capabilities) {
        this.clients = clients;
        this.capabilities = capabilities;
    }

    public List<String> find(String runId) {
        String prefix = RunIds.resourceName(runId, "x");
        String stem = prefix.substring(0, prefix.length() - 1);
        List<String> found = new ArrayList<>();
        clients.s3().listBuckets().buckets().stream()
                .filter(b -> b.name().startsWith(stem))
                .forEach(b -> found.add("S3 bucket " + b.name()));
        if (capabilities.contains(Capability.IAM)) {
            clients.iam().listRolesPaginator().roles().stream()
                    .filter(r -> r.roleName().startsWith(stem))
                    .forEach(r -> found.add("IAM role " + r.roleName()));
        }
        if (capabilities.contains(Capability.GLUE_CATALOG)) {
            clients.glue().getDatabasesPaginator(r -> { }).stream()
                    .flatMap(page -> page.databaseList().stream())
                    .filter(d -> d.name().startsWith(stem.replace('-', '_')) || d.name().startsWith(stem))
                    .forEach(d -> found.add("Glue database " + d.name()));
        }
        if (capabilities.contains(Capability.GLUE_CRAWLER)) {
            clients.glue().listCrawlersPaginator(r -> { }).stream()
                    .flatMap(page -> page.crawlerNames().stream())
                    .filter(n -> n.startsWith(stem))
                    .forEach(n -> found.add("Glue crawler " + n));
        }
        if (capabilities.contains(Capability.ATHENA_SQL)) {
            clients.athena().listWorkGroupsPaginator(r -> { }).stream()
                    .flatMap(page -> page.workGroups().stream())
                    .filter(w -> w.name().startsWith(stem))
                    .forEach(w -> found.add("Athena workgroup " + w.name()));
        }
        if (capabilities.contains(Capability.KINESIS)) {
            clients.kinesis().listStreamsPaginator(r -> { }).stream()
                    .flatMap(page -> page.streamSummaries().stream())
                    // A deleted stream lingers as DELETING for a while, on AWS too: it is on its way out.
                    .filter(s -> s.streamName().startsWith(stem) && s.streamStatus() != StreamStatus.DELETING)
                    .forEach(s -> found.add("Kinesis stream " + s.streamName()));
        }
        if (capabilities.contains(Capability.FIREHOSE_S3)) {
            for (String name : clients.firehose().listDeliveryStreams(r -> r.limit(10000)).deliveryStreamNames()) {
                if (name.startsWith(stem) && clients.firehose().describeDeliveryStream(r -> r.deliveryStreamName(name))
                        .deliveryStreamDescription().deliveryStreamStatus()
                        != software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus.DELETING) {
                    found.add("Firehose stream " + name);
                }
            }
        }
        if (capabilities.contains(Capability.BEDROCK_GUARDRAILS)) {
            clients.bedrock().listGuardrailsPaginator(r -> { }).guardrails().stream()
                    .filter(g -> g.name().startsWith(stem))
                    .forEach(g -> found.add("Bedrock guardrail " + g.name()));
        }
        if (capabilities.contains(Capability.SAGEMAKER_TRAINING)) {
            // Ended training jobs stay on AWS for good; only one still running is left behind.
            clients.sageMaker().listTrainingJobsPaginator(r -> r.nameContains(stem)).trainingJobSummaries().stream()
                    .filter(j -> j.trainingJobName().startsWith(stem) && isRunning(j.trainingJobStatusAsString()))
                    .forEach(j -> found.add("SageMaker training job " + j.trainingJobName() + " ("
                            + j.trainingJobStatusAsString() + ")"));
            clients.sageMaker().listModelsPaginator(r -> r.nameContains(stem)).models().stream()
                    .filter(m -> m.modelName().startsWith(stem))
                    .forEach(m -> found.add("SageMaker model " + m.modelName()));
            // Like training jobs, ended transform jobs stay on AWS for good; only a running one is left behind.
            clients.sageMaker().listTransformJobsPaginator(r -> r.nameContains(stem)).transformJobSummaries().stream()
                    .filter(j -> j.transformJobName().startsWith(stem) && isRunning(j.transformJobStatusAsString()))
                    .forEach(j -> found.add("SageMaker transform job " + j.transformJobName() + " ("
                            + j.transformJobStatusAsString() + ")"));
            clients.sageMaker().listHyperParameterTuningJobsPaginator(r -> r.nameContains(stem))
                    .hyperParameterTuningJobSummaries().stream()
                    .filter(j -> j.hyperParameterTuningJobName().startsWith(stem)
                            && isRunning(j.hyperParameterTuningJobStatusAsString()))
                    .forEach(j -> found.add("SageMaker tuning job " + j.hyperParameterTuningJobName() + " ("
                            + j.hyperParameterTuningJobStatusAsString() + ")"));
            clients.sageMaker().listModelPackageGroupsPaginator(r -> r.nameContains(stem))
                    .modelPackageGroupSummaryList().stream()
                    .filter(g -> g.modelPackageGroupName().startsWith(stem))
                    .forEach(g -> found.add("SageMaker model package group " + g.modelPackageGroupName()));
        }
        if (capabilities.contains(Capability.SAGEMAKER_PIPELINES)) {
            // A name prefix may not end in a hyphen (the model's pattern), as the stem does.
            clients.sageMaker().listPipelinesPaginator(r -> r.pipelineNamePrefix(stem.replaceAll("-+$", "")))
                    .pipelineSummaries().stream().filter(p -> p.pipelineName().startsWith(stem))
                    .forEach(p -> found.add("SageMaker pipeline " + p.pipelineName()));
        }
        if (capabilities.contains(Capability.CLOUDWATCH_METRICS)) {
            clients.cloudWatch().describeAlarmsPaginator(r -> r.alarmNamePrefix(stem)).metricAlarms()
                    .forEach(a -> found.add("CloudWatch alarm " + a.alarmName()));
        }
        if (capabilities.contains(Capability.KMS)) {
            // Keys have no names; a run's key is found through its alias. One pending deletion is cleaned up.
            clients.kms().listAliasesPaginator(r -> { }).aliases().stream()
                    .filter(a -> a.aliasName().startsWith("alias/" + stem))
                    .forEach(a -> found.add("KMS alias " + a.aliasName()));
        }
        if (capabilities.contains(Capability.SECRETS_MANAGER)) {
            clients.secretsManager().listSecretsPaginator(r -> { }).stream()
                    .flatMap(page -> page.secretList().stream())
                    .filter(s -> s.name().startsWith(stem))
                    .forEach(s -> found.add("Secrets Manager secret " + s.name()));
        }
        if (capabilities.contains(Capability.STEP_FUNCTIONS)) {
            clients.sfn().listStateMachinesPaginator(r -> { }).stateMachines().stream()
                    .filter(m -> m.name().startsWith(stem))
                    .forEach(m -> found.add("Step Functions state machine " + m.name()));
        }
        if (capabilities.contains(Capability.EVENTBRIDGE)) {
            clients.eventBridge().listRules(r -> r.namePrefix(stem)).rules()
                    .forEach(rule -> found.add("EventBridge rule " + rule.name()));
        }
        return found;
    }

    /** True for a training job that still runs (and bills): InProgress or Stopping. */
    public static boolean isRunning(String trainingJobStatus) {
        return "InProgress".equals(trainingJobStatus) || "Stopping".equals(trainingJobStatus);
    }
}
