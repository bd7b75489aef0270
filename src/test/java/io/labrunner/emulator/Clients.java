package io.labrunner.emulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** SDK v2 clients pointed at an emulator, configured as a lab would. */
final class Clients {
    private Clients() {
    }

    static StaticCredentialsProvider credentials(Emulator emulator) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
    }

    static S3Client s3(Emulator emulator) {
        return S3Client.builder()
                .endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator))
                .forcePathStyle(true)
                .build();
    }

    static StsClient sts(Emulator emulator) {
        return StsClient.builder()
                .endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator))
                .build();
    }

    static GlueClient glue(Emulator emulator) {
        return GlueClient.builder()
                .endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(credentials(emulator))
                .build();
    }
}
