package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Firehose's UpdateDestination, tags and BucketARN checks as boto3 and the AWS CLI send them. */
class FirehoseByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void boto3UpdatesADestinationTagsAStreamAndIsRefusedBadBucketArns(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = home.resolve("firehose_by_boto3.py");
        try (InputStream in = FirehoseByExternalClientsTest.class.getResourceAsStream("firehose_by_boto3.py")) {
            Files.copy(in, script);
        }
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            JsonNode out = JSON.readTree(ran.stdout());

            for (JsonNode refused : out.path("bad_create")) {
                assertThat(refused.path("code").asText()).isEqualTo("ValidationException");
                assertThat(refused.path("message").asText())
                        .contains("Member must satisfy regular expression pattern: arn:.*:s3:::[\\w\\.\\-]{1,255}");
            }
            assertThat(out.path("bad_create")).hasSize(2);
            assertThat(out.path("streams_after_bad")).isEmpty();
            assertThat(out.at("/stale/code").asText()).isEqualTo("ConcurrentModificationException");
            assertThat(out.at("/bad_update/code").asText()).isEqualTo("ValidationException");
            assertThat(out.path("version").asText()).isEqualTo("2");
            assertThat(out.path("bucket").asText()).isEqualTo("arn:aws:s3:::boto-after");
            assertThat(out.path("prefix").asText()).isEqualTo("before/");
            assertThat(out.path("delivered")).singleElement().satisfies(k -> assertThat(k.asText())
                    .startsWith("before/").contains("boto-moving-2-"));
            assertThat(out.path("before_bucket")).isEmpty();
            assertThat(out.path("tags").toString()).isEqualTo("[{\"Key\":\"stage\",\"Value\":\"dev\"}]");
        }
    }

    @Test
    void theAwsCliUpdatesADestinationWithTheVersionItRead(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            ExternalClients.Result created = clients.aws(endpoint, "firehose", "create-delivery-stream",
                    "--delivery-stream-name", "cli-stream", "--extended-s3-destination-configuration",
                    "RoleARN=arn:aws:iam::000000000000:role/f,BucketARN=arn:aws:s3:::cli-bucket",
                    "--tags", "Key=owner,Value=cli");
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            Thread.sleep(1_000);
            ExternalClients.Result updated = clients.aws(endpoint, "firehose", "update-destination",
                    "--delivery-stream-name", "cli-stream", "--current-delivery-stream-version-id", "1",
                    "--destination-id", "destinationId-000000000001", "--extended-s3-destination-update",
                    "Prefix=cli/");
            assertThat(updated.exitCode()).as(updated.stderr()).isZero();
            ExternalClients.Result again = clients.aws(endpoint, "firehose", "update-destination",
                    "--delivery-stream-name", "cli-stream", "--current-delivery-stream-version-id", "1",
                    "--destination-id", "destinationId-000000000001", "--extended-s3-destination-update",
                    "Prefix=other/");
            assertThat(again.exitCode()).isNotZero();
            assertThat(again.stderr()).contains("(ConcurrentModificationException)");
            JsonNode description = JSON.readTree(clients.aws(endpoint, "firehose", "describe-delivery-stream",
                    "--delivery-stream-name", "cli-stream").stdout()).path("DeliveryStreamDescription");
            assertThat(description.path("VersionId").asText()).isEqualTo("2");
            assertThat(description.at("/Destinations/0/ExtendedS3DestinationDescription/Prefix").asText())
                    .isEqualTo("cli/");
            ExternalClients.Result tags = clients.aws(endpoint, "firehose", "list-tags-for-delivery-stream",
                    "--delivery-stream-name", "cli-stream");
            assertThat(JSON.readTree(tags.stdout()).path("Tags").toString())
                    .isEqualTo("[{\"Key\":\"owner\",\"Value\":\"cli\"}]");
        }
    }
}
