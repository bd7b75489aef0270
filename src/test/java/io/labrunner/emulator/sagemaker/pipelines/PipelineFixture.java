package io.labrunner.emulator.sagemaker.pipelines;

import io.labrunner.emulator.Emulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribePipelineExecutionResponse;
import software.amazon.awssdk.services.sagemaker.model.PipelineExecutionStatus;

/** Clients, data and definitions the pipeline tests share. */
final class PipelineFixture {
    static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";
    static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    private PipelineFixture() {
    }

    static SageMakerClient sageMaker(Emulator emulator) {
        return SageMakerClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator)).build();
    }

    static S3Client s3(Emulator emulator) {
        return S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator)).forcePathStyle(true).build();
    }

    private static StaticCredentialsProvider credentials(Emulator emulator) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(emulator.getAccessKey(),
                emulator.getSecretKey()));
    }

    /** A training set {@code label,x0,x1,x2} and a validation set, label 1 exactly when x0 + x1 > 1. */
    static void uploadChurnData(S3Client s3, String bucket) {
        s3.createBucket(r -> r.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("train/train.csv"), RequestBody.fromString(csv(800, 1)));
        s3.putObject(r -> r.bucket(bucket).key("validation/validation.csv"), RequestBody.fromString(csv(200, 2)));
    }

    private static String csv(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double x0 = random.nextDouble();
            double x1 = random.nextDouble();
            out.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f%n", x0 + x1 > 1 ? 1 : 0, x0, x1,
                    random.nextDouble()));
        }
        return out.toString();
    }

    /** Training arguments on {@code bucket}'s train and validation data; {@code hyperParameters} is JSON. */
    static String trainingArguments(String bucket, String hyperParameters) {
        return """
                {"AlgorithmSpecification": {"TrainingImage": "%s", "TrainingInputMode": "File"},
                 "RoleArn": "%s",
                 "HyperParameters": %s,
                 "InputDataConfig": [
                   {"ChannelName": "train", "ContentType": "text/csv", "DataSource": {"S3DataSource": {
                     "S3DataType": "S3Prefix", "S3Uri": "s3://%s/train/"}}},
                   {"ChannelName": "validation", "ContentType": "text/csv", "DataSource": {"S3DataSource": {
                     "S3DataType": "S3Prefix", "S3Uri": "s3://%s/validation/"}}}],
                 "OutputDataConfig": {"S3OutputPath": {"Std:Join": {"On": "/", "Values": [
                   "s3://%s/pipeline", {"Get": "Execution.PipelineExecutionId"}]}}},
                 "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 5},
                 "StoppingCondition": {"MaxRuntimeInSeconds": 600}}
                """.formatted(IMAGE, ROLE, hyperParameters, bucket, bucket, bucket);
    }

    /**
     * Train XGBoost, then a Condition on the validation AUC against the MinAuc parameter: at or above it the
     * model is created and registered Approved in the Group parameter's group, below it a Fail step says why.
     */
    static String trainCheckRegister(String bucket) {
        return """
                {"Version": "2020-12-01",
                 "Parameters": [
                   {"Name": "MinAuc", "Type": "Float", "DefaultValue": 0.7},
                   {"Name": "Rounds", "Type": "Integer", "DefaultValue": 30},
                   {"Name": "Group", "Type": "String", "DefaultValue": "churn-models"}],
                 "Steps": [
                   {"Name": "Train", "Type": "Training", "Arguments": %s},
                   {"Name": "CheckAuc", "Type": "Condition", "Arguments": {
                     "Conditions": [{"Type": "GreaterThanOrEqualTo",
                       "LeftValue": {"Get": "Steps.Train.FinalMetricDataList['validation:auc'].Value"},
                       "RightValue": {"Get": "Parameters.MinAuc"}}],
                     "IfSteps": [
                       {"Name": "Register", "Type": "RegisterModel", "Arguments": {
                         "ModelPackageGroupName": {"Get": "Parameters.Group"},
                         "ModelApprovalStatus": "Approved",
                         "InferenceSpecification": {
                           "Containers": [{"Image": "%s",
                             "ModelDataUrl": {"Get": "Steps.Train.ModelArtifacts.S3ModelArtifacts"}}],
                           "SupportedContentTypes": ["text/csv"], "SupportedResponseMIMETypes": ["text/csv"]}}},
                       {"Name": "CreateChurnModel", "Type": "Model", "Arguments": {
                         "ExecutionRoleArn": "%s",
                         "PrimaryContainer": {"Image": "%s",
                           "ModelDataUrl": {"Get": "Steps.Train.ModelArtifacts.S3ModelArtifacts"}}}}],
                     "ElseSteps": [
                       {"Name": "TooWeak", "Type": "Fail", "Arguments": {"ErrorMessage": {"Std:Join": {"On": " ",
                         "Values": ["Validation AUC is below", {"Get": "Parameters.MinAuc"}]}}}}]}}]}
                """.formatted(trainingArguments(bucket, """
                        {"objective": "binary:logistic", "eval_metric": "auc", "max_depth": "3",
                         "num_round": {"Std:Join": {"On": "", "Values": [{"Get": "Parameters.Rounds"}]}}}"""),
                IMAGE, ROLE, IMAGE);
    }

    /** Describes the execution until {@code done} holds, for up to two minutes. */
    static DescribePipelineExecutionResponse await(SageMakerClient sagemaker, String executionArn,
            Predicate<DescribePipelineExecutionResponse> done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(until)) {
            DescribePipelineExecutionResponse execution = sagemaker.describePipelineExecution(
                    r -> r.pipelineExecutionArn(executionArn));
            if (done.test(execution)) {
                return execution;
            }
            seen.add(execution.pipelineExecutionStatusAsString());
            Thread.sleep(50);
        }
        throw new AssertionError("execution " + executionArn + " did not get there; saw " + seen.subList(
                Math.max(0, seen.size() - 3), seen.size()));
    }

    /** Describes the execution until it has ended. */
    static DescribePipelineExecutionResponse awaitEnd(SageMakerClient sagemaker, String executionArn)
            throws InterruptedException {
        return await(sagemaker, executionArn, e -> e.pipelineExecutionStatus() != PipelineExecutionStatus.EXECUTING
                && e.pipelineExecutionStatus() != PipelineExecutionStatus.STOPPING);
    }
}
