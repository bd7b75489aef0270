package io.labrunner.emulator.kms;

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
 * Conformance generated from KMS's API model: for every implemented operation, a request breaking one constraint
 * of one member is a 400 ValidationException naming that member and constraint, before any key is looked up; and no
 * value of any JSON type in any member gets a server error.
 */
class KmsConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "TrentService.";
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("kms");

    private static List<String> implementedOperations() {
        List<String> operations = new ArrayList<>(new KmsService(new KmsKeys("000000000000", StateStore.none(),
                Clock.systemUTC())).implementedOperations());
        operations.sort(null);
        return operations;
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target",
                TARGET + operation), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAwsWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("kms"), List.of("alias/lab"));
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("KMS", operations);
        assertThat(operations).hasSize(29);
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

    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0", "AQID",
            List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new BigDecimal("1e400"), "a".repeat(300), "alias/aws/s3", "arn:aws:kms:us-east-1:000000000000:alias/x",
            "arn:aws:kms:eu-west-1:000000000000:key/11111111-2222-3333-4444-555555555555");

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() throws Exception {
        ServiceModel model = ServiceModels.get("kms");
        SignedHttp.Answer created = post("CreateKey", "{}".getBytes(StandardCharsets.UTF_8));
        String keyId = JSON.readTree(created.body()).at("/KeyMetadata/KeyId").asText();
        post("CreateAlias", ("{\"AliasName\":\"alias/odd\",\"TargetKeyId\":\"" + keyId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String blob = JSON.readTree(post("Encrypt", ("{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"AQID\"}")
                .getBytes(StandardCharsets.UTF_8)).body()).path("CiphertextBlob").asText();
        List<String> operations = implementedOperations();
        operations.removeAll(List.of("ScheduleKeyDeletion", "DeleteAlias", "DisableKey"));
        return operations.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("KeyId", keyId);
                    body.put("TargetKeyId", keyId);
                    body.put("DestinationKeyId", keyId);
                    body.put("AliasName", "alias/odd");
                    body.put("Plaintext", "AQID");
                    body.put("CiphertextBlob", blob);
                    body.put("Policy", "{}");
                    body.put(member, value);
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
