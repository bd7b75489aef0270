package io.labrunner.labs.iamleastprivilege;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the training job does as its role, and what it never does, as IAM sees requests: an action on a
 * resource ARN, with the condition keys the request carries. The checks ask IAM's policy simulator about
 * each; the guide's policy is written from the same list.
 *
 * <p>A SageMaker training job, as its role: lists the channel's prefix and reads its objects, writes the
 * model under the output path, writes its log stream and metrics (CreateTrainingJob's RoleArn,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html). SageMaker's own
 * images are pulled with SageMaker's credentials, so ECR permissions are not on the list.
 */
final class JobAccess {
    /** One request IAM decides. {@code context} holds condition keys, each with one value. */
    record Request(String action, String resource, Map<String, String> context) {
        Request(String action, String resource) {
            this(action, resource, Map.of());
        }

        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    /**
     * A request the job makes, why, and a request beside it that it does not need (the same action on a
     * resource next door), which a policy scoped to the job denies; empty when the action has no resource
     * to scope (cloudwatch:PutMetricData).
     */
    record Need(Request request, String why, Optional<Request> nextDoor, String scope) {
    }

    /** A request the job never makes, and why a role allowed it is a risk. */
    record Forbidden(Request request, String risk) {
    }

    /** The ARNs of one run: the data bucket, the other team's bucket, the role, where logs go. */
    record Names(String bucket, String otherBucket, String roleArn, String region, String account, String job) {
        String bucketArn() {
            return "arn:aws:s3:::" + bucket;
        }

        String object(String key) {
            return bucketArn() + "/" + key;
        }

        String logStream(String group, String stream) {
            return "arn:aws:logs:" + region + ":" + account + ":log-group:" + group + ":log-stream:" + stream;
        }
    }

    static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";
    static final String METRICS_NAMESPACE = "/aws/sagemaker/TrainingJobs";
    static final String OTHER_LOG_GROUP = "/aws/lambda/payroll-export";

    private JobAccess() {
    }

    static List<Need> needs(Names n) {
        String stream = n.logStream(LOG_GROUP, n.job() + "/algo-1-1765100000");
        Request otherStream = new Request("logs:PutLogEvents", n.logStream(OTHER_LOG_GROUP, "2026/12/07/run"));
        return List.of(
                new Need(new Request("s3:ListBucket", n.bucketArn(),
                        Map.of("s3:prefix", IamLeastPrivilegeLab.TRAIN)),
                        "SageMaker lists s3://" + n.bucket() + "/" + IamLeastPrivilegeLab.TRAIN
                                + " to find the channel's files",
                        Optional.of(new Request("s3:ListBucket", "arn:aws:s3:::" + n.otherBucket())),
                        n.bucketArn()),
                new Need(new Request("s3:GetObject", n.object(IamLeastPrivilegeLab.TRAIN + IamLeastPrivilegeLab.TRAIN_FILE)),
                        "SageMaker downloads the training channel's files",
                        Optional.of(new Request("s3:GetObject", n.object(IamLeastPrivilegeLab.PII_FILE))),
                        n.object(IamLeastPrivilegeLab.TRAIN + "*")),
                new Need(new Request("s3:PutObject", n.object(IamLeastPrivilegeLab.MODELS + n.job()
                        + "/output/model.tar.gz")),
                        "SageMaker uploads the model to the output path",
                        Optional.of(new Request("s3:PutObject", n.object(IamLeastPrivilegeLab.TRAIN
                                + IamLeastPrivilegeLab.TRAIN_FILE))),
                        n.object(IamLeastPrivilegeLab.MODELS + "*")),
                new Need(new Request("logs:CreateLogStream", stream),
                        "the job opens its log stream in " + LOG_GROUP,
                        Optional.of(new Request("logs:CreateLogStream", otherStream.resource())),
                        "arn:aws:logs:*:*:log-group:" + LOG_GROUP + "*"),
                new Need(new Request("logs:PutLogEvents", stream),
                        "the algorithm's output goes to that stream",
                        Optional.of(otherStream),
                        "arn:aws:logs:*:*:log-group:" + LOG_GROUP + "*"),
                new Need(new Request("cloudwatch:PutMetricData", "*",
                        Map.of("cloudwatch:namespace", METRICS_NAMESPACE)),
                        "the job publishes its metrics (PutMetricData names no resource: its Resource is \"*\")",
                        Optional.empty(), "*"));
    }

    static List<Forbidden> forbidden(Names n) {
        return List.of(
                new Forbidden(new Request("s3:DeleteBucket", n.bucketArn()),
                        "a training job never deletes its bucket; a role that may loses all the data by one mistake"),
                new Forbidden(new Request("s3:DeleteObject", n.object(IamLeastPrivilegeLab.TRAIN
                        + IamLeastPrivilegeLab.TRAIN_FILE)),
                        "a training job only reads its data; it never deletes it"),
                new Forbidden(new Request("s3:GetObject", "arn:aws:s3:::" + n.otherBucket() + "/"
                        + IamLeastPrivilegeLab.SALARIES_FILE),
                        "another team's bucket: whoever runs code as this role could read the salaries"),
                new Forbidden(new Request("iam:PassRole", n.roleArn()),
                        "passing a role hands its permissions to another service; a job never needs to"),
                new Forbidden(new Request("iam:AttachRolePolicy", n.roleArn()),
                        "a role that may attach policies to itself can make itself administrator"),
                new Forbidden(new Request("sagemaker:CreateTrainingJob",
                        "arn:aws:sagemaker:" + n.region() + ":" + n.account() + ":training-job/" + n.job() + "-2"),
                        "a job that may start jobs can start expensive ones on your bill"),
                new Forbidden(new Request("ec2:RunInstances", "*"),
                        "code that may start instances can run anything, at your cost"));
    }
}
