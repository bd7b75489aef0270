package io.labrunner.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

/** Rules' refusals in AWS's codes and words, and rules, targets and S3's notification settings across a restart. */
class RuleErrorsAndRestartTest {

    private static EventBridgeClient events(Emulator emulator) {
        return EventBridgeClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials(emulator)).build();
    }

    private static S3Client s3(Emulator emulator) {
        return S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials(emulator)).forcePathStyle(true).build();
    }

    private static StaticCredentialsProvider credentials(Emulator emulator) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(emulator.getAccessKey(),
                emulator.getSecretKey()));
    }

    @Test
    void aRuleWithTargetsCannotBeDeletedUntilItsTargetsAreRemoved() {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
                EventBridgeClient events = events(emulator)) {
            events.putRule(r -> r.name("r").eventPattern("{\"source\": [\"a\"]}"));
            events.putTargets(p -> p.rule("r").targets(t -> t.id("s")
                    .arn("arn:aws:kinesis:us-east-1:000000000000:stream/s")));

            EventBridgeException refused = catchThrowableOfType(() -> events.deleteRule(d -> d.name("r")),
                    EventBridgeException.class);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Rule can't be deleted since it has targets.");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(events.describeRule(d -> d.name("r")).name()).isEqualTo("r");

            events.removeTargets(r -> r.rule("r").ids("s"));
            events.deleteRule(d -> d.name("r"));
            assertThat(events.listRules(l -> { }).rules()).isEmpty();
        }
    }

    @Test
    void describingOrTargetingAMissingRuleIsResourceNotFound() {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
                EventBridgeClient events = events(emulator)) {
            ResourceNotFoundException described = catchThrowableOfType(
                    () -> events.describeRule(d -> d.name("nope")), ResourceNotFoundException.class);
            assertThat(described.awsErrorDetails().errorMessage()).isEqualTo("Rule nope does not exist on EventBus default.");
            assertThat(described.statusCode()).isEqualTo(400);

            ResourceNotFoundException targeted = catchThrowableOfType(() -> events.putTargets(p -> p.rule("nope")
                    .targets(t -> t.id("s").arn("arn:aws:kinesis:us-east-1:000000000000:stream/s"))),
                    ResourceNotFoundException.class);
            assertThat(targeted.awsErrorDetails().errorMessage()).isEqualTo("Rule nope does not exist on EventBus default.");
            assertThat(events.listRules(l -> { }).rules()).isEmpty();
        }
    }

    @Test
    void putEventsRefusesMoreThanTenEntriesAndPutsNoneOfThem() {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
                EventBridgeClient events = events(emulator)) {
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                entries.add(PutEventsRequestEntry.builder().source("a").detailType("t").detail("{}").build());
            }
            EventBridgeException refused = catchThrowableOfType(() -> events.putEvents(p -> p.entries(entries)),
                    EventBridgeException.class);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(refused.awsErrorDetails().errorMessage()).contains("entries")
                    .contains("Member must have length less than or equal to 10");
            assertThat(refused.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void rulesTargetsAndABucketsEventBridgeSettingSurviveARestart(@TempDir Path data) {
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
                EventBridgeClient events = events(emulator); S3Client s3 = s3(emulator)) {
            events.putRule(r -> r.name("nightly").scheduleExpression("cron(0 2 * * ? *)").state("DISABLED")
                    .description("at two"));
            events.putRule(r -> r.name("orders").eventPattern("{\"source\": [\"shop\"]}"));
            events.putTargets(p -> p.rule("orders").targets(t -> t.id("stream")
                    .arn("arn:aws:kinesis:us-east-1:000000000000:stream/orders").inputPath("$.detail")));
            s3.createBucket(b -> b.bucket("landing"));
            s3.putBucketNotificationConfiguration(b -> b.bucket("landing")
                    .notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
        }
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
                EventBridgeClient events = events(emulator); S3Client s3 = s3(emulator)) {
            var nightly = events.describeRule(d -> d.name("nightly"));
            assertThat(nightly.scheduleExpression()).isEqualTo("cron(0 2 * * ? *)");
            assertThat(nightly.stateAsString()).isEqualTo("DISABLED");
            assertThat(nightly.description()).isEqualTo("at two");
            assertThat(events.describeRule(d -> d.name("orders")).eventPattern()).isEqualTo("{\"source\": [\"shop\"]}");
            var targets = events.listTargetsByRule(l -> l.rule("orders")).targets();
            assertThat(targets).hasSize(1);
            assertThat(targets.get(0).arn()).isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/orders");
            assertThat(targets.get(0).inputPath()).isEqualTo("$.detail");
            assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("landing")).eventBridgeConfiguration())
                    .isNotNull();
        }
    }
}
