package io.labrunner.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tags each kind of ledger resource with its service's own tagging call: S3 PutBucketTagging,
 * IAM TagRole, Glue and Athena TagResource (by ARN, hence the account id), Kinesis AddTagsToStream,
 * Bedrock TagResource (a guardrail's ARN looked up by its name), SageMaker AddTags (a model's or transform
 * job's ARN from Describe), KMS TagResource (a key), Secrets Manager TagResource (a secret), Step Functions and
 * EventBridge TagResource (a state machine or rule, once it exists). KMS aliases take no
 * tags: they are found by their {@code alias/lab-} names.
 */
public final class AwsResourceTagger implements ResourceTagger {
    private final AwsClients clients;
    private String accountId;

    public AwsResourceTagger(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public void tag(Resource resource, Map<String, String> tags) {
        switch (resource.type()) {
            case S3_BUCKET:
                List<software.amazon.awssdk.services.s3.model.Tag> s3Tags = new ArrayList<>();
                tags.forEach((k, v) -> s3Tags.add(software.amazon.awssdk.services.s3.model.Tag.builder().key(k).value(v).build()));
                clients.s3().putBucketTagging(r -> r.bucket(resource.id()).tagging(t -> t.tagSet(s3Tags)));
                return;
            case IAM_ROLE:
                List<software.amazon.awssdk.services.iam.model.Tag> iamTags = new ArrayList<>();
                tags.forEach((k, v) -> iamTags.add(software.amazon.awssdk.services.iam.model.Tag.builder().key(k).value(v).build()));
                clients.iam().tagRole(r -> r.roleName(resource.id()).tags(iamTags));
                return;
            case GLUE_DATABASE:
                clients.glue().tagResource(r -> r.resourceArn(arn("glue", "database/" + resource.id())).tagsToAdd(tags));
                return;
            case GLUE_CRAWLER:
                clients.glue().tagResource(r -> r.resourceArn(arn("glue", "crawler/" + resource.id())).tagsToAdd(tags));
                return;
            case ATHENA_WORKGROUP:
                List<software.amazon.awssdk.services.athena.model.Tag> athenaTags = new ArrayList<>();
                tags.forEach((k, v) -> athenaTags.add(software.amazon.awssdk.services.athena.model.Tag.builder().key(k).value(v).build()));
                clients.athena().tagResource(r -> r.resourceARN(arn("athena", "workgroup/" + resource.id())).tags(athenaTags));
                return;
            case KINESIS_STREAM:
                clients.kinesis().addTagsToStream(r -> r.streamName(resource.id()).tags(tags));
                return;
            case BEDROCK_GUARDRAIL:
                List<software.amazon.awssdk.services.bedrock.model.Tag> bedrockTags = new ArrayList<>();
                tags.forEach((k, v) -> bedrockTags.add(software.amazon.awssdk.services.bedrock.model.Tag.builder().key(k).value(v).build()));
                ResourceDeleter.findGuardrail(clients.bedrock(), resource.id()).ifPresent(g ->
                        clients.bedrock().tagResource(r -> r.resourceARN(g.arn()).tags(bedrockTags)));
                return;
            case SAGEMAKER_TRAINING_JOB:
                List<software.amazon.awssdk.services.sagemaker.model.Tag> sageMakerTags = new ArrayList<>();
                tags.forEach((k, v) -> sageMakerTags.add(software.amazon.awssdk.services.sagemaker.model.Tag.builder().key(k).value(v).build()));
                // A training job's ARN spells its name in lower case.
                clients.sageMaker().addTags(r -> r.resourceArn(arn("sagemaker", "training-job/"
                        + resource.id().toLowerCase(java.util.Locale.ROOT))).tags(sageMakerTags));
                return;
            case SAGEMAKER_MODEL:
                tagSageMaker(clients.sageMaker().describeModel(r -> r.modelName(resource.id())).modelArn(), tags);
                return;
            case SAGEMAKER_ENDPOINT_CONFIG:
                tagSageMaker(clients.sageMaker().describeEndpointConfig(r -> r.endpointConfigName(resource.id()))
                        .endpointConfigArn(), tags);
                return;
            case SAGEMAKER_ENDPOINT:
                tagSageMaker(clients.sageMaker().describeEndpoint(r -> r.endpointName(resource.id())).endpointArn(),
                        tags);
                return;
            case SAGEMAKER_TRANSFORM_JOB:
                tagSageMaker(clients.sageMaker().describeTransformJob(r -> r.transformJobName(resource.id()))
                        .transformJobArn(), tags);
                return;
            case SAGEMAKER_PROCESSING_JOB:
                tagSageMaker(clients.sageMaker().describeProcessingJob(r -> r.processingJobName(resource.id()))
                        .processingJobArn(), tags);
                return;
            case SAGEMAKER_DATA_QUALITY_JOB_DEFINITION:
                tagSageMaker(clients.sageMaker().describeDataQualityJobDefinition(r -> r.jobDefinitionName(
                        resource.id())).jobDefinitionArn(), tags);
                return;
            case SAGEMAKER_MONITORING_SCHEDULE:
                tagSageMaker(clients.sageMaker().describeMonitoringSchedule(r -> r.monitoringScheduleName(
                        resource.id())).monitoringScheduleArn(), tags);
                return;
            case SAGEMAKER_PIPELINE:
                tagSageMaker(clients.sageMaker().describePipeline(r -> r.pipelineName(resource.id())).pipelineArn(), tags);
                return;
            case SAGEMAKER_MODEL_PACKAGE_GROUP:
                tagSageMaker(clients.sageMaker().describeModelPackageGroup(r -> r.modelPackageGroupName(
                        resource.id())).modelPackageGroupArn(), tags);
                return;
            case SAGEMAKER_TUNING_JOB:
                tagSageMaker(clients.sageMaker().describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(
                        resource.id())).hyperParameterTuningJobArn(), tags);
                return;
            case CLOUDWATCH_ALARM:
                List<software.amazon.awssdk.services.cloudwatch.model.Tag> alarmTags = new ArrayList<>();
                tags.forEach((k, v) -> alarmTags.add(software.amazon.awssdk.services.cloudwatch.model.Tag.builder()
                        .key(k).value(v).build()));
                clients.cloudWatch().describeAlarms(r -> r.alarmNames(resource.id())).metricAlarms().forEach(a ->
                        clients.cloudWatch().tagResource(r -> r.resourceARN(a.alarmArn()).tags(alarmTags)));
                return;
            case KMS_KEY:
                clients.kms().tagResource(r -> r.keyId(resource.id()).tags(tags.entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.kms.model.Tag.builder().tagKey(e.getKey())
                                .tagValue(e.getValue()).build()).toList()));
                return;
            case SECRETSMANAGER_SECRET:
                clients.secretsManager().tagResource(r -> r.secretId(resource.id()).tags(tags.entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.secretsmanager.model.Tag.builder().key(e.getKey())
                                .value(e.getValue()).build()).toList()));
                return;
            case STEPFUNCTIONS_STATE_MACHINE:
                ResourceDeleter.findStateMachine(clients.sfn(), resource.id()).ifPresent(arn ->
                        clients.sfn().tagResource(r -> r.resourceArn(arn).tags(tags.entrySet().stream()
                                .map(e -> software.amazon.awssdk.services.sfn.model.Tag.builder().key(e.getKey())
                                        .value(e.getValue()).build()).toList())));
                return;
            case EVENTBRIDGE_RULE:
                try {
                    String ruleArn = clients.eventBridge().describeRule(r -> r.name(resource.id())).arn();
                    clients.eventBridge().tagResource(r -> r.resourceARN(ruleArn).tags(tags.entrySet().stream()
                            .map(e -> software.amazon.awssdk.services.eventbridge.model.Tag.builder().key(e.getKey())
                                    .value(e.getValue()).build()).toList()));
                } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException notYetMade) {
                    // A name reserved for the learner's rule: it is tagged when the learner creates it with tags.
                }
                return;
            default:
                // A kind added later without a tagging call is still found by its lab- name prefix.
        }
    }

    private void tagSageMaker(String arn, Map<String, String> tags) {
        List<software.amazon.awssdk.services.sagemaker.model.Tag> sageMakerTags = new ArrayList<>();
        tags.forEach((k, v) -> sageMakerTags.add(software.amazon.awssdk.services.sagemaker.model.Tag.builder()
                .key(k).value(v).build()));
        clients.sageMaker().addTags(r -> r.resourceArn(arn).tags(sageMakerTags));
    }

    private String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + clients.region().id() + ":" + account() + ":" + resource;
    }

    private String partition() {
        String region = clients.region().id();
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private synchronized String account() {
        if (accountId == null) {
            accountId = clients.sts().getCallerIdentity().account();
        }
        return accountId;
    }
}
