package io.labrunner.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.calls.ServiceCalls;
import io.labrunner.emulator.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Schedule rules on a clock the test moves: rate and cron rules send AWS's "Scheduled Event" (see the EventBridge
 * user guide, "Events from EventBridge scheduled rules") to their targets when due, and a disabled rule sends
 * nothing. Deliveries are recorded instead of reaching a stream.
 */
class ScheduleRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/ticks";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:07:30Z"));
    private final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
    private EventBridgeService service;
    private Emulator emulator;
    private EventBridgeClient events;

    @BeforeEach
    void start() {
        ServiceCalls recording = (principal, signingName, operation, input, region) -> {
            delivered.add(input);
            return Json.object();
        };
        service = new EventBridgeService("000000000000", StateStore.none(), clock, () -> recording, null);
        emulator = Emulator.builder().port(0).service(service).build().start();
        events = EventBridgeClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.getAccessKey(), emulator.getSecretKey()))).build();
    }

    @AfterEach
    void stop() {
        events.close();
        emulator.close();
        service.close();
    }

    @Test
    void aRateRuleSendsAScheduledEventOfAwsShapeEachPeriod() throws Exception {
        String arn = schedule("every-five", "rate(5 minutes)", "ENABLED");
        assertThat(service.runDueSchedules()).isZero();

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(service.runDueSchedules()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.runDueSchedules()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(service.runDueSchedules()).isEqualTo(1);

        List<JsonNode> sent = events(2);
        JsonNode event = sent.get(0);
        assertThat(event.path("version").asText()).isEqualTo("0");
        assertThat(event.path("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("time").asText()).isEqualTo("2026-03-02T10:12:30Z");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        assertThat(event.path("resources")).hasSize(1);
        assertThat(event.path("resources").get(0).asText()).isEqualTo(arn);
        assertThat(event.path("detail").isObject() && event.path("detail").isEmpty()).isTrue();
        assertThat(sent.get(1).path("time").asText()).isEqualTo("2026-03-02T10:17:30Z");
        assertThat(sent.get(1).path("id").asText()).isNotEqualTo(event.path("id").asText());
    }

    @Test
    void aCronRuleFiresAtItsMinutesInUtc() throws Exception {
        schedule("quarter-hours", "cron(0/15 * * * ? *)", "ENABLED");
        service.runDueSchedules();
        clock.advance(Duration.ofMinutes(7));
        assertThat(service.runDueSchedules()).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(service.runDueSchedules()).isEqualTo(1);
        assertThat(events(1).get(0).path("time").asText()).isEqualTo("2026-03-02T10:15:00Z");
    }

    @Test
    void aDisabledRuleFiresNothingUntilEnabled() throws Exception {
        schedule("paused", "rate(1 minute)", "DISABLED");
        service.runDueSchedules();
        clock.advance(Duration.ofMinutes(3));
        assertThat(service.runDueSchedules()).isZero();
        assertThat(service.awaitDeliveries(2000)).isTrue();
        assertThat(delivered).isEmpty();

        events.enableRule(e -> e.name("paused"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.runDueSchedules()).isEqualTo(1);
        assertThat(events(1)).hasSize(1);
    }

    private String schedule(String name, String expression, String state) {
        String arn = events.putRule(r -> r.name(name).scheduleExpression(expression).state(state)).ruleArn();
        events.putTargets(p -> p.rule(name).targets(t -> t.id("stream").arn(STREAM)));
        return arn;
    }

    /** The events the target received, decoded from Kinesis' PutRecord data. */
    private List<JsonNode> events(int expected) throws Exception {
        assertThat(service.awaitDeliveries(5000)).isTrue();
        assertThat(delivered).hasSize(expected);
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode input : delivered) {
            out.add(JSON.readTree(new String(Base64.getDecoder().decode(input.path("Data").asText()),
                    StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
