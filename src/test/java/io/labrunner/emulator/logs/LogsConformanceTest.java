package io.labrunner.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.SignedEmulatorExtension;
import io.labrunner.emulator.protocol.ConformanceCases;
import io.labrunner.emulator.protocol.ServiceModel;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance generated from CloudWatch Logs' API model: for every implemented operation, a signed
 * raw request breaking one constraint of one member must come back as Logs' 400
 * InvalidParameterException naming that member and constraint, before the handler looks anything up;
 * and no value of any JSON type in any member gets a server error.
 */
class LogsConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "Logs_20140328.";
    private static final List<String> SAMPLES = List.of("arn:aws:logs:us-east-1:000000000000:log-group:g",
            "/aws/sagemaker/TrainingJobs");
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("logs");

    private static List<String> implementedOperations() {
        List<String> operations = new ArrayList<>(new LogsService("000000000000").implementedOperations());
        operations.sort(null);
        return operations;
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", TARGET + operation), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAwsWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("logs"), SAMPLES);
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("CloudWatch Logs", operations);
        assertThat(operations).hasSize(17);
        assertThat(cases).hasSizeGreaterThan(operations.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = post(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("InvalidParameterException");
            assertThat(body.path("message").asText()).matches("\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0",
            List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new BigDecimal("1e400"), "a".repeat(300), List.of(Map.of("timestamp", 1, "message", "m")));

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() {
        ServiceModel model = ServiceModels.get("logs");
        // An existing group and stream, so values reach the handlers' own code and not only the lookup.
        post("CreateLogGroup", "{\"logGroupName\":\"odd\"}".getBytes(StandardCharsets.UTF_8));
        post("CreateLogStream", "{\"logGroupName\":\"odd\",\"logStreamName\":\"s\"}".getBytes(StandardCharsets.UTF_8));
        List<String> operations = implementedOperations();
        operations.removeAll(List.of("DeleteLogGroup", "DeleteLogStream"));
        return operations.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("logGroupName", "odd");
                    body.put("logStreamName", "s");
                    body.put("logEvents", List.of(Map.of("timestamp", System.currentTimeMillis(), "message", "m")));
                    body.put(member, value);
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
