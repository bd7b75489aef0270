package io.labrunner.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.SignedEmulatorExtension;
import io.labrunner.emulator.protocol.ConformanceCases;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance generated from Kinesis's API model: for every operation the emulator implements, a
 * signed raw request breaking each constraint of each member (below min, above max, off pattern,
 * outside the enum, required member missing; nested structures and list and map elements too) must
 * come back as AWS's 400 ValidationException naming that member and constraint.
 */
class KinesisConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("kinesis");

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAwsWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("kinesis"));
        List<String> operations = new ArrayList<>(new KinesisService().implementedOperations());
        operations.sort(null);
        List<ConformanceCases.Case> cases = generator.casesOf("Kinesis", operations);
        assertThat(cases).hasSizeGreaterThan(operations.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "Kinesis_20131202." + c.operation()), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("ValidationException");
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
            assertThat(body.path("message").asText()).matches("\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    /** Values of every JSON type, and edge values, that a hand-written request may carry. */
    private static final List<Object> ODD_VALUES = java.util.Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0",
            List.of(), Map.of(), java.util.Collections.singletonList(null), java.util.Collections.singletonMap("a", null),
            new java.math.BigDecimal("1e400"), "a".repeat(300));

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() {
        var model = ServiceModels.get("kinesis");
        // An existing stream, so values reach the handlers' own code and not only the lookup.
        EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "Kinesis_20131202.CreateStream"),
                "{\"StreamName\":\"odd\",\"ShardCount\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> operations = new ArrayList<>(new KinesisService().implementedOperations());
        operations.remove("DeleteStream");
        operations.sort(null);
        return operations.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new java.util.HashMap<>();
                    body.put("StreamName", "odd");
                    body.put(member, value);
                    SignedHttp.Answer answer = EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1",
                            "X-Amz-Target", "Kinesis_20131202." + op), JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
