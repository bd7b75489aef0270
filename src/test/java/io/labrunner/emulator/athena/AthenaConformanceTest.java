package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.SignedEmulatorExtension;
import io.labrunner.emulator.protocol.ConformanceCases;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
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
 * Conformance generated from Athena's API model: for every operation the emulator implements, a
 * signed raw request breaking each constraint of each member (below min, above max, off pattern,
 * outside the enum, required member missing; nested structures and list elements too) must come
 * back as Athena answers it: 400 InvalidRequestException, {@code AthenaErrorCode} INVALID_INPUT,
 * the violation named in Coral's words but with no value quoted back.
 */
class AthenaConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("athena");

    private static List<String> implementedOperations() {
        try (AthenaService service = new AthenaService(EMULATOR.emulator().blobRoot(), new InMemoryTableCatalog(),
                java.time.Duration.ZERO)) {
            List<String> operations = new ArrayList<>(service.implementedOperations());
            operations.sort(null);
            return operations;
        }
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AmazonAthena." + operation), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAthenaWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("athena"), List.of("000000000000",
                "arn:aws:iam::000000000000:role/lab", "arn:aws:kms:us-east-1:000000000000:key/lab", "s3://lab-bucket/logs",
                "arn:aws:sso:::instance/ssoins-0123456789abcdef"));
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("Athena", operations);
        generator.notExercised().forEach(why -> System.out.println("  not exercised: " + why));
        assertThat(cases).hasSizeGreaterThan(operations.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = post(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("InvalidRequestException");
            assertThat(body.path("AthenaErrorCode").asText()).isEqualTo("INVALID_INPUT");
            assertThat(body.path("Message").asText()).matches("(?s)\\d+ validation errors? detected: .*")
                    .contains(withoutValue(c.violation()));
        }));
    }

    /** The generator's expected text as Athena words it: {@code Value at 'x'}, only {@code Value null} kept. */
    private static String withoutValue(String violation) {
        return violation.startsWith("Value null ") ? violation : violation.replaceFirst("(?s)^Value .*? at '", "Value at '");
    }

    /** Values of every JSON type, and edge values, that a hand-written request may carry. */
    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0",
            List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new java.math.BigDecimal("1e400"), "a".repeat(300));

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() {
        var model = ServiceModels.get("athena");
        List<String> operations = implementedOperations();
        operations.remove("DeleteWorkGroup");
        return operations.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("QueryString", "SELECT 1");
                    body.put("WorkGroup", "primary");
                    body.put(member, value);
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
