package io.labrunner.labs.mlpipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The four roles an automated pipeline runs as, each trusted by one service and allowed only what that service does
 * for this pipeline: EventBridge starts the state machine; Step Functions calls Glue, Athena, SageMaker and S3; the
 * crawler reads the lake; SageMaker's jobs read and write the bucket. The Step Functions policies follow the ones
 * Step Functions generates for its integrations (Step Functions developer guide, "IAM policies for Amazon SageMaker
 * AI" and "IAM policies for Amazon Athena"), narrowed from {@code *} to this run's resources.
 */
final class PipelineRoles {
    static final String GLUE_MANAGED_POLICY = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole";

    /** Where the pipeline's resources live: every ARN in the policies is built from these. */
    record Scope(String partition, String region, String account, String bucket, String database, String crawler,
            String workGroup, String jobPrefix, String modelPackageGroup, String sageMakerRoleArn,
            String stateMachine) {

        String arn(String service, String resource) {
            return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
        }

        String stateMachineArn() {
            return arn("states", "stateMachine:" + stateMachine);
        }
    }

    private PipelineRoles() {
    }

    static String trust(String service) {
        return """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": {"Service": "%s"}, "Action": "sts:AssumeRole"}]}"""
                .formatted(service);
    }

    /** EventBridge may start this one state machine, nothing else. */
    static String eventsPolicy(Scope scope) {
        return """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "states:StartExecution", "Resource": "%s"}]}"""
                .formatted(scope.stateMachineArn());
    }

    /** What the state machine's tasks call, on this run's resources only. */
    static String statesPolicy(Scope scope) {
        String bucket = "arn:" + scope.partition() + ":s3:::" + scope.bucket();
        return """
                {"Version": "2012-10-17",
                 "Statement": [
                  {"Sid": "Crawl", "Effect": "Allow", "Action": ["glue:StartCrawler", "glue:GetCrawler"],
                   "Resource": "%1$s"},
                  {"Sid": "Query", "Effect": "Allow",
                   "Action": ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution",
                              "athena:GetQueryResults", "athena:GetWorkGroup", "athena:GetDataCatalog"],
                   "Resource": ["%2$s", "%15$s"]},
                  {"Sid": "CatalogForAthena", "Effect": "Allow",
                   "Action": ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:CreateTable",
                              "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"],
                   "Resource": ["%3$s", "%4$s", "%5$s"]},
                  {"Sid": "DataForAthenaAndMetrics", "Effect": "Allow",
                   "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:GetObject", "s3:PutObject",
                              "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"],
                   "Resource": ["%6$s", "%6$s/*"]},
                  {"Sid": "TrainScoreRegister", "Effect": "Allow",
                   "Action": ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob",
                              "sagemaker:CreateModel", "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob",
                              "sagemaker:StopTransformJob", "sagemaker:CreateModelPackage"],
                   "Resource": ["%7$s", "%8$s", "%9$s", "%10$s", "%11$s"]},
                  {"Sid": "SyncNeedsTags", "Effect": "Allow", "Action": "sagemaker:ListTags", "Resource": "*"},
                  {"Sid": "PassTheJobRole", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "%12$s",
                   "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}},
                  {"Sid": "SyncWatchesJobEvents", "Effect": "Allow",
                   "Action": ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
                   "Resource": ["%13$s", "%14$s"]}]}"""
                .formatted(
                        scope.arn("glue", "crawler/" + scope.crawler()),
                        scope.arn("athena", "workgroup/" + scope.workGroup()),
                        scope.arn("glue", "catalog"),
                        scope.arn("glue", "database/" + scope.database()),
                        scope.arn("glue", "table/" + scope.database() + "/*"),
                        bucket,
                        scope.arn("sagemaker", "training-job/" + scope.jobPrefix() + "-*"),
                        scope.arn("sagemaker", "model/" + scope.jobPrefix() + "-*"),
                        scope.arn("sagemaker", "transform-job/" + scope.jobPrefix() + "-*"),
                        scope.arn("sagemaker", "model-package-group/" + scope.modelPackageGroup()),
                        scope.arn("sagemaker", "model-package/" + scope.modelPackageGroup() + "/*"),
                        scope.sageMakerRoleArn(),
                        scope.arn("events", "rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule"),
                        scope.arn("events", "rule/StepFunctionsGetEventsForSageMakerTransformJobsRule"),
                        scope.arn("athena", "datacatalog/AwsDataCatalog"));
    }

    /** The crawler lists the bucket and reads the lake's objects; AWSGlueServiceRole covers the catalog and logs. */
    static String crawlerPolicy(Scope scope) {
        String bucket = "arn:" + scope.partition() + ":s3:::" + scope.bucket();
        return """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "%1$s"},
                               {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "%1$s/%2$s*"}]}"""
                .formatted(bucket, MlPipelineLab.LAKE);
    }

    /** Training and transform jobs read and write the bucket and write their logs. */
    static String sageMakerPolicy(Scope scope) {
        String bucket = "arn:" + scope.partition() + ":s3:::" + scope.bucket();
        return """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                                "Resource": ["%1$s", "%1$s/*"]},
                               {"Effect": "Allow",
                                "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                           "logs:DescribeLogStreams"],
                                "Resource": "*"}]}""".formatted(bucket);
    }

    /** Creates a role trusted by {@code service} with one inline policy, and returns its ARN. */
    static String create(IamClient iam, String role, String service, String description, String policyName,
            String policy, Map<String, String> tags) {
        List<Tag> iamTags = new ArrayList<>();
        tags.forEach((key, value) -> iamTags.add(Tag.builder().key(key).value(value).build()));
        String arn = iam.createRole(create -> create.roleName(role).assumeRolePolicyDocument(trust(service))
                .description(description).tags(iamTags)).role().arn();
        iam.putRolePolicy(put -> put.roleName(role).policyName(policyName).policyDocument(policy));
        return arn;
    }
}
