package io.labrunner.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * A rule whose target is a Step Functions state machine, with a role EventBridge assumes: each matching event
 * starts one execution, whose input is the event, the part of it InputPath selects, or InputTransformer's text.
 */
class RuleToStateMachineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASS = """
            {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}""";
    private Emulator emulator;
    private EventBridgeClient events;
    private SfnClient sfn;
    private String machineArn;
    private String eventsRole;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                emulator.getAccessKey(), emulator.getSecretKey()));
        events = EventBridgeClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        sfn = SfnClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION,
                        true)).build();
        try (IamClient iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).build()) {
            String statesRole = iam.createRole(r -> r.roleName("StatesRole").assumeRolePolicyDocument(
                    trust("states.amazonaws.com"))).role().arn();
            eventsRole = iam.createRole(r -> r.roleName("EventsToStates").assumeRolePolicyDocument(
                    trust("events.amazonaws.com"))).role().arn();
            iam.putRolePolicy(p -> p.roleName("EventsToStates").policyName("start").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "states:StartExecution",
                     "Resource": "*"}]}"""));
            machineArn = sfn.createStateMachine(c -> c.name("echo").roleArn(statesRole).definition(PASS))
                    .stateMachineArn();
        }
    }

    @AfterEach
    void stop() {
        events.close();
        sfn.close();
        emulator.close();
    }

    private static String trust(String service) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    @Test
    void aMatchingEventStartsOneExecutionWhoseInputIsTheWholeEvent() throws Exception {
        route(Target.builder().id("machine").arn(machineArn).roleArn(eventsRole).build());
        String id = putOrder();

        JsonNode input = JSON.readTree(onlyExecutionInput());
        assertThat(input.path("id").asText()).isEqualTo(id);
        assertThat(input.path("source").asText()).isEqualTo("shop.orders");
        assertThat(input.path("detail-type").asText()).isEqualTo("Order Placed");
        assertThat(input.path("account").asText()).isEqualTo("000000000000");
        assertThat(input.path("detail").path("order").path("total").asInt()).isEqualTo(42);
    }

    @Test
    void anEventThatDoesNotMatchStartsNothing() throws Exception {
        route(Target.builder().id("machine").arn(machineArn).roleArn(eventsRole).build());
        events.putEvents(p -> p.entries(e -> e.source("shop.returns").detailType("Order Placed").detail("{}")));
        // Events are delivered in order: once the matching one has started its execution, the other was routed.
        String id = putOrder();
        assertThat(JSON.readTree(onlyExecutionInput()).path("id").asText()).isEqualTo(id);
    }

    @Test
    void inputPathSendsOnlyThePartOfTheEventItSelects() throws Exception {
        route(Target.builder().id("machine").arn(machineArn).roleArn(eventsRole).inputPath("$.detail.order").build());
        putOrder();
        assertThat(JSON.readTree(onlyExecutionInput())).isEqualTo(JSON.readTree("{\"total\": 42, \"sku\": \"a-1\"}"));
    }

    @Test
    void inputTransformerSendsItsTemplateFilledWithTheSelectedValues() throws Exception {
        route(Target.builder().id("machine").arn(machineArn).roleArn(eventsRole).inputTransformer(t -> t
                .inputPathsMap(java.util.Map.of("sku", "$.detail.order.sku", "total", "$.detail.order.total"))
                .inputTemplate("{\"item\": <sku>, \"amount\": <total>, \"note\": \"sku <sku> from <aws.events.rule-name>\"}"))
                .build());
        putOrder();
        assertThat(JSON.readTree(onlyExecutionInput())).isEqualTo(JSON.readTree(
                "{\"item\": \"a-1\", \"amount\": 42, \"note\": \"sku a-1 from orders\"}"));
    }

    @Test
    void anEntrysTimeAndResourcesAreTheEventsInWholeSeconds() throws Exception {
        route(Target.builder().id("machine").arn(machineArn).roleArn(eventsRole).build());
        events.putEvents(p -> p.entries(e -> e.source("shop.orders").detailType("Order Placed").detail("{}")
                .time(java.time.Instant.parse("2026-01-02T03:04:05.678Z")).resources("arn:aws:s3:::shop")));
        JsonNode input = JSON.readTree(onlyExecutionInput());
        assertThat(input.path("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(input.path("resources")).containsExactly(JSON.readTree("\"arn:aws:s3:::shop\""));
    }

    private void route(Target target) {
        events.putRule(r -> r.name("orders").eventPattern("{\"source\": [\"shop.orders\"]}"));
        var put = events.putTargets(p -> p.rule("orders").targets(target));
        assertThat(put.failedEntryCount()).isZero();
    }

    private String putOrder() {
        var put = events.putEvents(p -> p.entries(e -> e.source("shop.orders").detailType("Order Placed")
                .detail("{\"order\": {\"total\": 42, \"sku\": \"a-1\"}}")));
        assertThat(put.failedEntryCount()).isZero();
        return put.entries().get(0).eventId();
    }

    private List<ExecutionListItem> executions() {
        return sfn.listExecutions(l -> l.stateMachineArn(machineArn)).executions();
    }

    /** Waits up to five seconds for the one execution the event started, and answers its input. */
    private String onlyExecutionInput() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (executions().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        List<ExecutionListItem> started = executions();
        assertThat(started).hasSize(1);
        return sfn.describeExecution(d -> d.executionArn(started.get(0).executionArn())).input();
    }
}
