package io.labrunner.emulator.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.SignedEmulatorExtension;
import io.labrunner.emulator.protocol.ConformanceCases;
import io.labrunner.emulator.protocol.ServiceModel;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import io.labrunner.emulator.state.StateStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * Conformance generated from Secrets Manager's API model: for every implemented operation, a request breaking one constraint
 * of one member is a 400 ValidationException naming that member and constraint, before any secret is looked up; and no
 * value of any JSON type in any member gets a server error.
 */
class SecretsManagerConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "secretsmanager.";
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("secretsmanager");

    private static List<String> implementedOperations() {
        List<String> operations = new ArrayList<>(new SecretsManagerService("000000000000",
                new io.labrunner.emulator.kms.KmsKeys("000000000000", StateStore.none(), Clock.systemUTC()),
                StateStore.none(), Clock.systemUTC()).implementedOperations());
        operations.sort(null);
        return operations;
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target",
                TARGET + operation), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAwsWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("secretsmanager"), List.of("lab-secret"));
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("Secrets Manager", operations);
        assertThat(operations).hasSize(17);
        assertThat(cases).hasSizeGreaterThan(operations.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = post(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("ValidationException");
            assertThat(body.path("message").asText()).matches("\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, 7, 31, "", "x", "0",
            "AQID", List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new BigDecimal("1e400"), "a".repeat(300), "AWSCURRENT", "AWSPREVIOUS", List.of("AWSCURRENT"),
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:odd", "01234567-0123-0123-0123-0123456789ab");

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() throws Exception {
        ServiceModel model = ServiceModels.get("secretsmanager");
        post("CreateSecret", "{\"Name\":\"odd\",\"SecretString\":\"v\"}".getBytes(StandardCharsets.UTF_8));
        List<String> operations = implementedOperations();
        operations.removeAll(List.of("DeleteSecret", "RotateSecret"));
        return operations.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("SecretId", "odd");
                    body.put("Name", "odd2");
                    body.put("VersionStage", "AWSCURRENT");
                    body.put("ResourcePolicy", "{}");
                    body.put("Tags", List.of(Map.of("Key", "k", "Value", "v")));
                    body.put("TagKeys", List.of("k"));
                    body.put(member, value);
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
