package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Resource Groups Tagging API through independent clients: boto3 (tagging_by_boto3.py, over Step Functions,
 * EventBridge, CloudWatch and SageMaker resources) and the AWS CLI, version 1 ({@code aws} on the PATH) and
 * version 2 ({@code /usr/bin/aws} where installed), over Kinesis and CloudWatch Logs.
 */
class TaggingByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void boto3FindsTagsAndUntagsResourcesOfFourServices(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = copy("tagging_by_boto3.py", home);
        JsonNode seen;
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = JSON.readTree(ran.stdout());
        }
        JsonNode created = seen.path("created");
        List<String> all = texts(JSON.createArrayNode().add(created.path("machine")).add(created.path("rule"))
                .add(created.path("alarm")).add(created.path("group")));
        assertThat(all).allMatch(arn -> arn.startsWith("arn:aws:"));
        assertThat(texts(seen.path("found"))).containsExactlyInAnyOrderElementsOf(all);
        assertThat(seen.path("pages").asInt()).isEqualTo(4);
        assertThat(texts(seen.path("byType"))).containsExactlyInAnyOrder(created.path("machine").asText(),
                created.path("alarm").asText());
        assertThat(seen.path("tagFailures").size()).as(seen.path("tagFailures").toString()).isZero();
        for (String kind : List.of("machine", "rule", "alarm", "group")) {
            assertThat(seen.path("ownTags").path(kind).path("owner").asText()).as(kind).isEqualTo("boto3");
            assertThat(seen.path("ownTags").path(kind).path("lab:run-id").asText()).as(kind).isEqualTo("boto3");
        }
        assertThat(texts(seen.path("tagKeys"))).containsExactly("lab:run-id", "owner");
        assertThat(texts(seen.path("ownerValues"))).containsExactly("boto3");
        assertThat(seen.path("untagFailures").size()).isZero();
        assertThat(seen.path("ownerAfterUntag")).isEmpty();
        assertThat(seen.path("ruleTagsAfterUntag").path("owner").isMissingNode()).isTrue();
        assertThat(seen.path("combined").asText()).isEqualTo("InvalidParameterException");
    }

    @Test
    void theAwsCliVersionsOneAndTwoGetTagAndUntagResources(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.awsCliMissing();
        assumeTrue(missing == null, missing);
        List<String> clis = new ArrayList<>(List.of("aws"));
        if (Files.isExecutable(Path.of("/usr/bin/aws"))) {
            clis.add("/usr/bin/aws");
        }
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            ok(clients, "aws", endpoint, "kinesis", "create-stream", "--stream-name", "cli-tagged",
                    "--shard-count", "1");
            ok(clients, "aws", endpoint, "kinesis", "add-tags-to-stream", "--stream-name", "cli-tagged",
                    "--tags", "lab:run-id=cli");
            ok(clients, "aws", endpoint, "logs", "create-log-group", "--log-group-name", "cli-tagged",
                    "--tags", "lab:run-id=cli");
            String stream = "arn:aws:kinesis:us-east-1:000000000000:stream/cli-tagged";
            String group = "arn:aws:logs:us-east-1:000000000000:log-group:cli-tagged";
            for (String cli : clis) {
                JsonNode found = JSON.readTree(ok(clients, cli, endpoint, "resourcegroupstaggingapi", "get-resources",
                        "--tag-filters", "Key=lab:run-id"));
                List<String> arns = new ArrayList<>();
                found.path("ResourceTagMappingList").forEach(m -> arns.add(m.path("ResourceARN").asText()));
                assertThat(arns).as(cli).containsExactlyInAnyOrder(stream, group);

                JsonNode tagged = JSON.readTree(ok(clients, cli, endpoint, "resourcegroupstaggingapi",
                        "tag-resources", "--resource-arn-list", stream, group, "--tags", "cli=" + name(cli)));
                assertThat(tagged.path("FailedResourcesMap").size()).as(cli).isZero();
                JsonNode streamTags = JSON.readTree(ok(clients, cli, endpoint, "kinesis", "list-tags-for-stream",
                        "--stream-name", "cli-tagged"));
                assertThat(streamTags.path("Tags").toString()).as(cli)
                        .contains("{\"Key\":\"cli\",\"Value\":\"" + name(cli) + "\"}");
                JsonNode groupTags = JSON.readTree(ok(clients, cli, endpoint, "logs", "list-tags-for-resource",
                        "--resource-arn", group));
                assertThat(groupTags.path("tags").path("cli").asText()).as(cli).isEqualTo(name(cli));

                JsonNode values = JSON.readTree(ok(clients, cli, endpoint, "resourcegroupstaggingapi",
                        "get-tag-values", "--key", "cli"));
                assertThat(texts(values.path("TagValues"))).as(cli).containsExactly(name(cli));
                ok(clients, cli, endpoint, "resourcegroupstaggingapi", "untag-resources", "--resource-arn-list",
                        stream, group, "--tag-keys", "cli");
                JsonNode after = JSON.readTree(ok(clients, cli, endpoint, "resourcegroupstaggingapi",
                        "get-resources", "--tag-filters", "Key=cli"));
                assertThat(after.path("ResourceTagMappingList")).as(cli).isEmpty();

                ExternalClients.Result refused = run(clients, cli, endpoint, "resourcegroupstaggingapi",
                        "get-resources", "--page-size", "500");
                assertThat(refused.exitCode()).as(cli).isNotZero();
                assertThat(refused.stderr()).as(cli).contains("(InvalidParameterException)");
            }
        }
    }

    private static String name(String cli) {
        return cli.equals("aws") ? "v1" : "v2";
    }

    private static String ok(ExternalClients clients, String cli, String endpoint, String... args)
            throws IOException, InterruptedException {
        ExternalClients.Result result = run(clients, cli, endpoint, args);
        assertThat(result.exitCode()).as(cli + " " + String.join(" ", args) + ": " + result.stderr()).isZero();
        return result.stdout();
    }

    private static ExternalClients.Result run(ExternalClients clients, String cli, String endpoint, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        return clients.run(command);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = TaggingByExternalClientsTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
