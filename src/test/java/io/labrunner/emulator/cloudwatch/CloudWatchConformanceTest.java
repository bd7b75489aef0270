package io.labrunner.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.labrunner.emulator.SignedEmulatorExtension;
import io.labrunner.emulator.protocol.ConformanceCases;
import io.labrunner.emulator.protocol.ServiceModel;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import io.labrunner.emulator.state.StateStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance generated from CloudWatch's API model: for every implemented operation, a signed raw request
 * breaking one constraint of one member comes back as a 400 ValidationError naming that member and constraint
 * (its query code also in {@code x-amzn-query-error}); and no value of any JSON type in any member, in AWS JSON
 * 1.0 or in Smithy RPC v2 CBOR, gets a server error.
 */
class CloudWatchConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new CBORMapper();
    private static final String TARGET = "GraniteServiceVersion20100801.";
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("monitoring");

    private static List<String> implementedOperations() {
        CloudWatchService service = new CloudWatchService("000000000000", StateStore.none(), Clock.systemUTC(),
                Duration.ofHours(1));
        try {
            List<String> operations = new ArrayList<>(service.implementedOperations());
            operations.sort(null);
            return operations;
        } finally {
            service.close();
        }
    }

    private static SignedHttp.Answer postJson(String operation, byte[] body) {
        return EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.0", "X-Amz-Target",
                TARGET + operation), body);
    }

    private static SignedHttp.Answer postCbor(String operation, byte[] body) {
        return EMULATOR.http().send("POST", "/service/GraniteServiceVersion20100801/operation/" + operation, Map.of(),
                Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAwsWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("cloudwatch"));
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("CloudWatch", operations);
        assertThat(operations).hasSize(15);
        assertThat(cases).hasSizeGreaterThan(operations.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = postJson(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("ValidationError");
            assertThat(answer.header("x-amzn-query-error")).isEqualTo("ValidationError;Sender");
            assertThat(body.path("message").asText()).matches("\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    @Test
    void rpcV2CborAnswersWithItsHeaderAndErrorsCarryTheShapeAndTheQueryCode() throws Exception {
        SignedHttp.Answer ok = postCbor("ListMetrics", new byte[0]);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(ok.header("Content-Type")).isEqualTo("application/cbor");
        assertThat(CBOR.readTree(ok.body()).has("Metrics")).isTrue();

        SignedHttp.Answer bad = postCbor("PutMetricData", CBOR.writeValueAsBytes(Map.of("Namespace", "AWS/X",
                "MetricData", List.of(Map.of("MetricName", "m", "Value", 1)))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(CBOR.readTree(bad.body()).path("__type").asText()).isEqualTo("InvalidParameterValueException");
        assertThat(bad.header("x-amzn-query-error")).isEqualTo("InvalidParameterValue;Sender");

        SignedHttp.Answer unknown = postCbor("NoSuchOperation", new byte[0]);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void theFrontDoorRefusesAnUnsignedRequestInTheProtocolItSpeaks() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        java.net.URI endpoint = EMULATOR.emulator().getEndpoint();
        var cbor = http.send(java.net.http.HttpRequest.newBuilder(endpoint.resolve(
                "/service/GraniteServiceVersion20100801/operation/ListMetrics")).header("Content-Type", "application/cbor")
                .header("smithy-protocol", "rpc-v2-cbor").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cbor.statusCode()).isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(cbor.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");
        assertThat(CBOR.readTree(cbor.body()).path("__type").asText()).isNotEmpty();

        var json = http.send(java.net.http.HttpRequest.newBuilder(endpoint).header("Content-Type",
                "application/x-amz-json-1.0").header("X-Amz-Target", TARGET + "ListMetrics")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(json.statusCode()).isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(JSON.readTree(json.body()).path("__type").asText()).isNotEmpty();
    }

    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "p99", "0",
            List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new BigDecimal("1e400"), "a".repeat(300), List.of(Map.of("Name", "n", "Value", "v")),
            List.of(Map.of("MetricName", "m", "Values", List.of(1, 2), "Counts", List.of(1))));

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() {
        ServiceModel model = ServiceModels.get("cloudwatch");
        return implementedOperations().stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            long now = System.currentTimeMillis() / 1000;
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("Namespace", "Lab/Odd");
                    body.put("MetricName", "m");
                    body.put("MetricData", List.of(Map.of("MetricName", "m", "Value", 1)));
                    body.put("AlarmName", "odd");
                    body.put("StartTime", now - 600);
                    body.put("EndTime", now);
                    body.put("Period", 60);
                    body.put("EvaluationPeriods", 1);
                    body.put("Threshold", 1);
                    body.put("ComparisonOperator", "GreaterThanThreshold");
                    body.put("Statistic", "Sum");
                    body.put(member, value);
                    SignedHttp.Answer json = postJson(op, JSON.writeValueAsBytes(body));
                    assertThat(json.status()).as(op + " " + member + "=" + value + ": "
                            + new String(json.body(), StandardCharsets.UTF_8)).isLessThan(500);
                    SignedHttp.Answer cbor = postCbor(op, CBOR.writeValueAsBytes(body));
                    assertThat(cbor.status()).as(op + " " + member + "=" + value + " (CBOR)").isLessThan(500);
                }
            }
        }));
    }
}
