package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.Emulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;

/** Points any SDK v2 client builder at an emulator, without retries so an error surfaces on the first call. */
final class EmulatorClients {
    private EmulatorClients() {
    }

    static <B extends AwsClientBuilder<B, C>, C> B pointedAt(B builder, Emulator emulator) {
        return builder.endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
    }
}
