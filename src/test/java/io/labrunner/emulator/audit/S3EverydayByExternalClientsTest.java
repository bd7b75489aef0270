package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 versioning, tags, regions and CORS as boto3 and the AWS CLI (v1 and v2) meet them, through the emulator's one
 * port: delete markers and ListObjectVersions, the tagging header and limits, IllegalLocationConstraintException,
 * GetBucketLocation, a browser's preflight and a page's presigned upload.
 */
class S3EverydayByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLI_V2 = "/usr/bin/aws";

    @Test
    void boto3MeetsVersionsTagsRegionsAndCors(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = home.resolve("s3_everyday_by_boto3.py");
        try (InputStream in = S3EverydayByExternalClientsTest.class.getResourceAsStream("s3_everyday_by_boto3.py")) {
            Files.copy(in, script);
        }
        JsonNode seen;
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = JSON.readTree(ran.stdout());
        }
        assertThat(seen.path("versioningBefore").isNull()).isTrue();
        assertThat(seen.path("versioningAfter").asText()).isEqualTo("Enabled");
        assertThat(seen.path("firstBody").asText()).isEqualTo("one");
        assertThat(seen.path("deleteMarker").asBoolean()).isTrue();
        assertThat(seen.at("/getDeleted/code").asText()).isEqualTo("NoSuchKey");
        assertThat(seen.at("/getDeleted/deleteMarker").asText()).isEqualTo("true");
        assertThat(seen.at("/getMarker/status").asInt()).isEqualTo(405);
        assertThat(seen.at("/getMarker/code").asText()).isEqualTo("MethodNotAllowed");
        // [is first, is second, is latest], newest first; the marker is the latest
        assertThat(seen.path("versions").toString()).isEqualTo("[[false,true,false],[true,false,false]]");
        assertThat(seen.path("markers").toString()).isEqualTo("[[true,true]]");
        assertThat(seen.at("/deleteVersionedBucket/code").asText()).isEqualTo("BucketNotEmpty");

        assertThat(seen.path("objectTags").toString())
                .isEqualTo("[{\"Key\":\"stage\",\"Value\":\"raw\"},{\"Key\":\"owner\",\"Value\":\"data team\"}]");
        assertThat(seen.path("tagCount").asInt()).isEqualTo(2);
        assertThat(seen.path("copiedTags")).isEqualTo(seen.path("objectTags"));
        assertThat(seen.at("/elevenTags/code").asText()).isEqualTo("BadRequest");
        assertThat(seen.at("/elevenTags/message").asText()).isEqualTo("Object tags cannot be greater than 10");
        assertThat(seen.at("/longValue/code").asText()).isEqualTo("InvalidTag");
        assertThat(seen.path("tagsAfterDelete").size()).isZero();
        assertThat(seen.at("/noBucketTags/code").asText()).isEqualTo("NoSuchTagSet");
        assertThat(seen.at("/noBucketTags/status").asInt()).isEqualTo(404);
        assertThat(seen.at("/bucketTags/0/Key").asText()).isEqualTo("lab:run-id");

        assertThat(seen.at("/unspecified/code").asText()).isEqualTo("IllegalLocationConstraintException");
        assertThat(seen.at("/unspecified/message").asText()).isEqualTo("The unspecified location constraint is "
                + "incompatible for the region specific endpoint this request was sent to.");
        assertThat(seen.path("location").asText()).isEqualTo("eu-central-1");
        assertThat(seen.path("usLocation").isNull()).isTrue();
        assertThat(seen.path("headRegion").asText()).isEqualTo("eu-central-1");
        assertThat(seen.path("recreateUsEast1").asInt()).isEqualTo(200);
        assertThat(seen.at("/recreateFrankfurt/code").asText()).isEqualTo("BucketAlreadyOwnedByYou");

        assertThat(seen.at("/noCors/code").asText()).isEqualTo("NoSuchCORSConfiguration");
        assertThat(seen.at("/cors/0/MaxAgeSeconds").asInt()).isEqualTo(600);
        assertThat(seen.at("/preflight/status").asInt()).isEqualTo(200);
        assertThat(seen.at("/preflight/headers/access-control-allow-origin").asText())
                .isEqualTo("http://localhost:3000");
        assertThat(seen.at("/preflight/headers/access-control-allow-methods").asText()).isEqualTo("PUT, GET");
        assertThat(seen.at("/preflight/headers/access-control-allow-headers").asText()).isEqualTo("content-type");
        assertThat(seen.at("/preflight/headers/access-control-max-age").asText()).isEqualTo("600");
        assertThat(seen.at("/refusedPreflight/status").asInt()).isEqualTo(403);
        assertThat(seen.at("/refusedPreflight/body").asText()).contains("<Code>AccessForbidden</Code>")
                .contains("CORSResponse: This CORS request is not allowed.");
        assertThat(seen.at("/pageUpload/status").asInt()).isEqualTo(200);
        assertThat(seen.at("/pageUpload/headers/access-control-expose-headers").asText()).isEqualTo("ETag");
        assertThat(seen.path("uploaded").asText()).isEqualTo("from the page");
    }

    @Test
    void theAwsCliV1ReadsRegionsTagsAndVersions(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        roundTrip(external, "aws");
    }

    @Test
    void theAwsCliV2ReadsRegionsTagsAndVersions(@TempDir Path home) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI_V2)), "no packaged AWS CLI v2 here");
        ExternalClients external = new ExternalClients(home);
        ExternalClients.Result version = external.run(List.of(CLI_V2, "--version"));
        assumeTrue(version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2"), "not an AWS CLI v2");
        roundTrip(external, CLI_V2);
    }

    private static void roundTrip(ExternalClients external, String cli) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            ExternalClients.Result unspecified = cli(external, cli, endpoint, "eu-west-1", "s3api", "create-bucket",
                    "--bucket", "cli-dublin");
            assertThat(unspecified.exitCode()).isNotZero();
            assertThat(unspecified.stderr()).contains("IllegalLocationConstraintException");
            ok(cli(external, cli, endpoint, "eu-west-1", "s3api", "create-bucket", "--bucket", "cli-dublin",
                    "--create-bucket-configuration", "LocationConstraint=eu-west-1"));
            JsonNode location = JSON.readTree(ok(cli(external, cli, endpoint, "us-east-1", "s3api",
                    "get-bucket-location", "--bucket", "cli-dublin")));
            assertThat(location.path("LocationConstraint").asText()).isEqualTo("eu-west-1");

            ok(cli(external, cli, endpoint, "eu-west-1", "s3api", "put-bucket-tagging", "--bucket", "cli-dublin",
                    "--tagging", "TagSet=[{Key=team,Value=ml}]"));
            JsonNode tags = JSON.readTree(ok(cli(external, cli, endpoint, "eu-west-1", "s3api", "get-bucket-tagging",
                    "--bucket", "cli-dublin")));
            assertThat(tags.at("/TagSet/0/Value").asText()).isEqualTo("ml");

            ok(cli(external, cli, endpoint, "eu-west-1", "s3api", "put-bucket-versioning", "--bucket", "cli-dublin",
                    "--versioning-configuration", "Status=Enabled"));
            Path body = Files.writeString(Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")),
                    "cli-body", ".txt"), "v");
            try {
                for (int i = 0; i < 2; i++) {
                    ok(cli(external, cli, endpoint, "eu-west-1", "s3api", "put-object", "--bucket", "cli-dublin",
                            "--key", "k", "--body", body.toString(), "--tagging", "n=" + i));
                }
            } finally {
                Files.delete(body);
            }
            JsonNode versions = JSON.readTree(ok(cli(external, cli, endpoint, "eu-west-1", "s3api",
                    "list-object-versions", "--bucket", "cli-dublin")));
            assertThat(versions.path("Versions").size()).isEqualTo(2);
            String older = versions.at("/Versions/1/VersionId").asText();
            JsonNode olderTags = JSON.readTree(ok(cli(external, cli, endpoint, "eu-west-1", "s3api",
                    "get-object-tagging", "--bucket", "cli-dublin", "--key", "k", "--version-id", older)));
            assertThat(olderTags.at("/TagSet/0/Value").asText()).isEqualTo("0");
        }
    }

    private static String ok(ExternalClients.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }

    private static ExternalClients.Result cli(ExternalClients external, String cli, String endpoint, String region,
                                              String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json",
                "--region", region));
        command.addAll(List.of(args));
        return external.run(command, Map.of());
    }
}
