package io.labrunner.labs.iamleastprivilege;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The training job's execution role: SageMaker may assume it, and it starts as too many roles do, with
 * AWS's managed AdministratorAccess attached. The learner replaces that with {@link #leastPrivilege}.
 */
final class TrainingRole {
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String POLICY_NAME = "train-churn-model";
    static final String TRUST_POLICY = """
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow",
                            "Principal": {"Service": "sagemaker.amazonaws.com"},
                            "Action": "sts:AssumeRole"}]}""";

    private TrainingRole() {
    }

    /** Creates the role with AdministratorAccess attached and returns its ARN. */
    static String createWithAdministratorAccess(IamClient iam, String role, Map<String, String> tags) {
        List<Tag> iamTags = new ArrayList<>();
        tags.forEach((key, value) -> iamTags.add(Tag.builder().key(key).value(value).build()));
        String arn = iam.createRole(create -> create.roleName(role).assumeRolePolicyDocument(TRUST_POLICY)
                .description("Runs the churn model's training jobs").tags(iamTags)).role().arn();
        iam.attachRolePolicy(attach -> attach.roleName(role).policyArn(ADMIN));
        return arn;
    }

    /**
     * What the job needs and nothing more: list the bucket, read the training prefix, write under the
     * model prefix, write its own log streams, publish metrics. The log group's name is what scopes the
     * logs, in any region of the account; PutMetricData names no resource, so its Resource is {@code *}.
     */
    static String leastPrivilege(String bucket) {
        return """
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Sid": "FindTrainingFiles", "Effect": "Allow",
                    "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::%1$s"},
                   {"Sid": "ReadTrainingData", "Effect": "Allow",
                    "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%1$s/%2$s*"},
                   {"Sid": "WriteModel", "Effect": "Allow",
                    "Action": "s3:PutObject", "Resource": "arn:aws:s3:::%1$s/%3$s*"},
                   {"Sid": "JobLogs", "Effect": "Allow",
                    "Action": ["logs:CreateLogGroup", "logs:CreateLogStream",
                               "logs:PutLogEvents", "logs:DescribeLogStreams"],
                    "Resource": "arn:aws:logs:*:*:log-group:%4$s*"},
                   {"Sid": "JobMetrics", "Effect": "Allow",
                    "Action": "cloudwatch:PutMetricData", "Resource": "*"}]}"""
                .formatted(bucket, IamLeastPrivilegeLab.TRAIN, IamLeastPrivilegeLab.MODELS, JobAccess.LOG_GROUP);
    }

    /** The account in a role's ARN, {@code arn:aws:iam::<account>:role/<name>}. */
    static String account(String roleArn) {
        return roleArn.split(":")[4];
    }
}
