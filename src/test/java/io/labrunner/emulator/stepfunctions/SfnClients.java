package io.labrunner.emulator.stepfunctions;

import io.labrunner.emulator.Emulator;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** SDK clients for a started emulator, and the execution role Step Functions tests use. */
final class SfnClients {
    static final String ROLE_NAME = "StatesRole";
    static final String ROLE = "arn:aws:iam::000000000000:role/" + ROLE_NAME;
    static final String TRUST_STATES = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"states.amazonaws.com\",\"sagemaker.amazonaws.com\",\"glue.amazonaws.com\"]},"
            + "\"Action\":\"sts:AssumeRole\"}]}";

    private SfnClients() {
    }

    /**
     * Step Functions' client. StartSyncExecution's model sends it to host {@code sync-<endpoint host>}; against the
     * emulator the client turns that off.
     */
    static SfnClient sfn(Emulator emulator) {
        return SfnClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator))
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION,
                        true))
                .build();
    }

    static IamClient iam(Emulator emulator) {
        return IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials(emulator)).build();
    }

    static S3Client s3(Emulator emulator) {
        return S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator)).forcePathStyle(true).build();
    }

    /** Creates the role Step Functions (and the jobs it starts) may assume. */
    static void createRole(Emulator emulator) {
        try (IamClient iam = iam(emulator)) {
            iam.createRole(r -> r.roleName(ROLE_NAME).assumeRolePolicyDocument(TRUST_STATES));
        }
    }

    static StaticCredentialsProvider credentials(Emulator emulator) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(emulator.getAccessKey(),
                emulator.getSecretKey()));
    }

    /** Waits until the execution is no longer RUNNING. */
    static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (execution.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
                return execution;
            }
            sleep(20);
        }
    }

    static void await(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
