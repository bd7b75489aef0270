package io.labrunner.emulator.athena;

import io.labrunner.emulator.Emulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients pointed at a running emulator, configured as a lab would configure them. */
final class EmulatorClients implements AutoCloseable {
    final S3Client s3;
    final IamClient iam;
    final GlueClient glue;
    final AthenaClient athena;

    EmulatorClients(Emulator emulator) {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        Region region = Region.of(emulator.getRegion());
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        glue = GlueClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        athena = AthenaClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
    }

    @Override
    public void close() {
        s3.close();
        iam.close();
        glue.close();
        athena.close();
    }
}
