package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * EventBridge and S3's EventBridge notifications as a learner drives them from a terminal or a notebook: the AWS
 * CLI v1 and v2 and boto3 put a rule and its Kinesis target, list the targets, put an event, test a pattern, and
 * turn on a bucket's EventBridge notifications; the event is read back from the stream.
 */
class EventBridgeByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLI_V2 = "/usr/bin/aws";
    private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/orders";
    private static final String PATTERN = "{\"source\": [\"shop.orders\"], \"detail\": {\"total\": [{\"numeric\": [\">\", 10]}]}}";
    private static final String EVENT = "{\"id\": \"1\", \"account\": \"000000000000\", \"source\": \"shop.orders\","
            + " \"time\": \"2026-01-01T00:00:00Z\", \"region\": \"us-east-1\", \"resources\": [],"
            + " \"detail-type\": \"Order Placed\", \"detail\": {\"total\": %d}}";

    @Test
    void theAwsCliV1PutsARuleATargetAndAnEventThatReachesTheStream(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        roundTrip(external, "aws");
    }

    @Test
    void theAwsCliV2PutsARuleATargetAndAnEventThatReachesTheStream(@TempDir Path home) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI_V2)), "no packaged AWS CLI v2 here");
        ExternalClients external = new ExternalClients(home);
        ExternalClients.Result version = external.run(List.of(CLI_V2, "--version"));
        assumeTrue(version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2"), "not an AWS CLI v2");
        roundTrip(external, CLI_V2);
    }

    private static void roundTrip(ExternalClients external, String cli) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start(); KinesisClient kinesis = kinesis(emulator)) {
            String endpoint = emulator.getEndpoint().toString();
            createStream(kinesis);
            JsonNode rule = ok(external, cli, endpoint, "events", "put-rule", "--name", "orders",
                    "--event-pattern", PATTERN);
            assertThat(rule.path("RuleArn").asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/orders");
            JsonNode targets = ok(external, cli, endpoint, "events", "put-targets", "--rule", "orders",
                    "--targets", "[{\"Id\": \"stream\", \"Arn\": \"" + STREAM + "\", \"InputPath\": \"$.detail\"}]");
            assertThat(targets.path("FailedEntryCount").asInt()).isZero();
            JsonNode listed = ok(external, cli, endpoint, "events", "list-targets-by-rule", "--rule", "orders");
            assertThat(listed.path("Targets")).hasSize(1);
            assertThat(listed.path("Targets").get(0).path("Arn").asText()).isEqualTo(STREAM);
            assertThat(listed.path("Targets").get(0).path("InputPath").asText()).isEqualTo("$.detail");

            assertThat(ok(external, cli, endpoint, "events", "test-event-pattern", "--event-pattern", PATTERN,
                    "--event", EVENT.formatted(42)).path("Result").asBoolean()).isTrue();
            assertThat(ok(external, cli, endpoint, "events", "test-event-pattern", "--event-pattern", PATTERN,
                    "--event", EVENT.formatted(5)).path("Result").asBoolean()).isFalse();

            JsonNode put = ok(external, cli, endpoint, "events", "put-events", "--entries",
                    "[{\"Source\": \"shop.orders\", \"DetailType\": \"Order Placed\", \"Detail\": \"{\\\"total\\\": 42}\"}]");
            assertThat(put.path("FailedEntryCount").asInt()).isZero();
            assertThat(put.path("Entries").get(0).path("EventId").asText()).isNotEmpty();
            assertThat(readStream(kinesis)).containsExactly(JSON.readTree("{\"total\": 42}"));

            ok(external, cli, endpoint, "s3api", "create-bucket", "--bucket", "landing");
            ExternalClients.Result configured = aws(external, cli, endpoint, "s3api",
                    "put-bucket-notification-configuration", "--bucket", "landing",
                    "--notification-configuration", "{\"EventBridgeConfiguration\": {}}");
            assertThat(configured.exitCode()).as(configured.stderr()).isZero();
            JsonNode notification = ok(external, cli, endpoint, "s3api", "get-bucket-notification-configuration",
                    "--bucket", "landing");
            assertThat(notification.path("EventBridgeConfiguration").isObject()).as(notification.toString()).isTrue();
        }
    }

    @Test
    void boto3PutsARuleATargetAndAnEventThatReachesTheStream(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = Files.writeString(home.resolve("events.py"), String.join("\n",
                "import boto3, json, sys",
                "ev = boto3.client('events', endpoint_url=sys.argv[1])",
                "s3 = boto3.client('s3', endpoint_url=sys.argv[1])",
                "pattern, event, stream = sys.argv[2], sys.argv[3], sys.argv[4]",
                "out = {}",
                "out['rule'] = ev.put_rule(Name='orders', EventPattern=pattern)['RuleArn']",
                "out['failedTargets'] = ev.put_targets(Rule='orders', Targets=[{'Id': 'stream', 'Arn': stream,",
                "    'InputTransformer': {'InputPathsMap': {'t': '$.detail.total'},",
                "                         'InputTemplate': '{\"amount\": <t>, \"rule\": \"<aws.events.rule-name>\"}'}}])['FailedEntryCount']",
                "out['targets'] = ev.list_targets_by_rule(Rule='orders')['Targets']",
                "out['match'] = ev.test_event_pattern(EventPattern=pattern, Event=event % 42)['Result']",
                "out['miss'] = ev.test_event_pattern(EventPattern=pattern, Event=event % 5)['Result']",
                "put = ev.put_events(Entries=[{'Source': 'shop.orders', 'DetailType': 'Order Placed',",
                "    'Detail': json.dumps({'total': 42})}])",
                "out['failedEvents'] = put['FailedEntryCount']",
                "out['eventId'] = put['Entries'][0].get('EventId')",
                "s3.create_bucket(Bucket='landing')",
                "s3.put_bucket_notification_configuration(Bucket='landing',",
                "    NotificationConfiguration={'EventBridgeConfiguration': {}})",
                "got = s3.get_bucket_notification_configuration(Bucket='landing')",
                "got.pop('ResponseMetadata', None)",
                "out['notification'] = got",
                "print(json.dumps(out))", ""));
        try (Emulator emulator = Emulator.builder().port(0).build().start(); KinesisClient kinesis = kinesis(emulator)) {
            createStream(kinesis);
            ExternalClients.Result ran = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString(), PATTERN, EVENT.replace("%d", "%s"), STREAM));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            JsonNode out = JSON.readTree(ran.stdout());
            assertThat(out.path("rule").asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/orders");
            assertThat(out.path("failedTargets").asInt()).isZero();
            assertThat(out.path("targets")).hasSize(1);
            assertThat(out.path("targets").get(0).path("InputTransformer").path("InputPathsMap").path("t").asText())
                    .isEqualTo("$.detail.total");
            assertThat(out.path("match").asBoolean()).isTrue();
            assertThat(out.path("miss").asBoolean()).isFalse();
            assertThat(out.path("failedEvents").asInt()).isZero();
            assertThat(out.path("eventId").asText()).isNotEmpty();
            assertThat(out.path("notification").path("EventBridgeConfiguration").isObject()).as(out.toString()).isTrue();
            assertThat(readStream(kinesis)).containsExactly(JSON.readTree("{\"amount\": 42, \"rule\": \"orders\"}"));
        }
    }

    private static KinesisClient kinesis(Emulator emulator) {
        return KinesisClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.getAccessKey(), emulator.getSecretKey()))).build();
    }

    private static void createStream(KinesisClient kinesis) {
        kinesis.createStream(b -> b.streamName("orders").shardCount(1));
        kinesis.waiter().waitUntilStreamExists(b -> b.streamName("orders"));
    }

    /** What reached the stream within five seconds, after half a second more for any extra record. */
    private static List<JsonNode> readStream(KinesisClient kinesis) throws Exception {
        String shard = kinesis.listShards(b -> b.streamARN(STREAM)).shards().get(0).shardId();
        String iterator = kinesis.getShardIterator(b -> b.streamARN(STREAM).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5000;
        long settle = Long.MAX_VALUE;
        while (System.currentTimeMillis() < Math.min(deadline, settle)) {
            String from = iterator;
            var page = kinesis.getRecords(b -> b.shardIterator(from));
            for (var record : page.records()) {
                out.add(JSON.readTree(record.data().asString(StandardCharsets.UTF_8)));
            }
            iterator = page.nextShardIterator();
            if (!out.isEmpty() && settle == Long.MAX_VALUE) {
                settle = System.currentTimeMillis() + 500;
            }
            Thread.sleep(50);
        }
        return out;
    }

    private static JsonNode ok(ExternalClients external, String cli, String endpoint, String... args)
            throws Exception {
        ExternalClients.Result result = aws(external, cli, endpoint, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    private static ExternalClients.Result aws(ExternalClients external, String cli, String endpoint, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        return external.run(command);
    }
}
