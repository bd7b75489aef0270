package io.labrunner.labs.sagemakerxgboost;

import io.labrunner.core.LabContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The execution role SageMaker runs training and transform jobs as: a trust policy that lets
 * SageMaker assume it, and an inline policy for what the jobs do — read the data and write the
 * model in the lab's bucket, write their logs and metrics. SageMaker's own images (XGBoost here)
 * are pulled with SageMaker's credentials, so the role needs no ECR permissions for them
 * (developer guide, "Docker Registry Paths and Example Code").
 */
public final class SageMakerRole {
    static final String TRUST_POLICY = """
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow",
                            "Principal": {"Service": "sagemaker.amazonaws.com"},
                            "Action": "sts:AssumeRole"}]}""";

    private SageMakerRole() {
    }

    /** The inline policy: this bucket's objects, the jobs' CloudWatch logs and metrics, nothing else. */
    static String jobPolicy(String bucket) {
        return """
                {"Version": "2012-10-17",
                 "Statement": [
                   {"Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                    "Resource": ["arn:aws:s3:::%s", "arn:aws:s3:::%s/*"]},
                   {"Effect": "Allow",
                    "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                               "logs:DescribeLogStreams", "cloudwatch:PutMetricData"],
                    "Resource": "*"}]}""".formatted(bucket, bucket);
    }

    /** Creates the role and returns its ARN, which CreateTrainingJob and CreateModel take. */
    public static String create(IamClient iam, String role, String bucket, java.util.Map<String, String> tags) {
        List<Tag> iamTags = new ArrayList<>();
        tags.forEach((key, value) -> iamTags.add(Tag.builder().key(key).value(value).build()));
        String arn = iam.createRole(create -> create
                .roleName(role)
                .assumeRolePolicyDocument(TRUST_POLICY)
                .description("Lets SageMaker jobs read the lab's data and write its models")
                .tags(iamTags)).role().arn();
        iam.putRolePolicy(put -> put.roleName(role).policyName("lab-bucket-and-logs").policyDocument(jobPolicy(bucket)));
        return arn;
    }

    /** The ARN of an existing role. */
    public static String arn(IamClient iam, String role) {
        return iam.getRole(get -> get.roleName(role)).role().arn();
    }

    /**
     * Runs a SageMaker call that names the role. A role created seconds ago may not have reached
     * SageMaker yet (IAM is eventually consistent), and SageMaker then refuses with a
     * ValidationException about assuming the role: try again for a while.
     */
    public static <T> T whenAssumable(LabContext ctx, Supplier<T> call) {
        return ctx.waitFor("SageMaker to accept the new role", Duration.ofMinutes(2), Duration.ofSeconds(3), () -> {
            try {
                return Optional.of(call.get());
            } catch (SageMakerException e) {
                String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
                if (message.contains("assume") || message.contains("Could not access")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }
}
