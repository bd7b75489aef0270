package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3's older signature, made by botocore's own signer, is checked for the emulator's key as SigV4 is. */
class SigV2ByBotocoreTest {

    @TempDir
    Path home;

    @Test
    void sigV2IsVerifiedForTheKnownKeyOnS3AndRefusedByJsonServices() throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "SigV2 check with botocore skipped: " + missing);
        Path script = home.resolve("sigv2_probe.py");
        try (var in = SigV2ByBotocoreTest.class.getResourceAsStream("sigv2_probe.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (Emulator emulator = Emulator.builder().port(0).build().start();
             S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                     .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()))).build()) {
            s3.createBucket(b -> b.bucket("sigv2"));
            ExternalClients.Result result = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString(), "sigv2"));
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            JsonNode report = new ObjectMapper().readTree(result.stdout());

            assertThat(report.path("put_right_secret").asText()).isEqualTo("ok");
            assertThat(report.path("get_right_secret").asText()).isEqualTo("ok");
            assertThat(report.path("acl_right_secret").asText()).isEqualTo("ok");
            assertThat(report.path("put_wrong_secret").asText()).isEqualTo("SignatureDoesNotMatch");
            assertThat(report.path("list_wrong_secret").asText()).isEqualTo("SignatureDoesNotMatch");
            assertThat(report.path("presigned_right_secret").path(0).asInt()).isEqualTo(200);
            assertThat(report.path("presigned_right_secret").path(1).asText()).isEqualTo("v2");
            assertThat(report.path("presigned_wrong_secret").asInt()).isEqualTo(403);
            assertThat(report.path("glue_sigv2").path(0).asInt()).isEqualTo(400);
            assertThat(report.path("glue_sigv2").path(1).asText()).isEqualTo("IncompleteSignatureException");
            assertThat(s3.listObjectsV2(b -> b.bucket("sigv2")).contents()).extracting(o -> o.key())
                    .containsExactly("v2/a b+c.txt");
        }
    }
}
