package io.labrunner.emulator.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.SignedEmulatorExtension;
import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.protocol.ConformanceCases;
import io.labrunner.emulator.protocol.ServiceModel;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance generated from Glue's API model: for every operation the emulator implements, a signed raw
 * request breaking each constraint of each member (below min, above max, off pattern, outside the enum,
 * required member missing; nested structures and list and map elements too) must come back as a 400
 * ValidationException naming that member and constraint, as Glue answers a breach of its model (CreateTable
 * recorded through boto3 in moj-analytical-services/etl_manager#90), not its own InvalidInputException.
 */
class GlueConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("glue");

    @TempDir
    static Path dataDir;

    private static List<String> implementedOperations() {
        GlueService glue = new GlueService(dataDir, new IamService().directory());
        try {
            List<String> operations = new ArrayList<>(glue.implementedOperations());
            operations.sort(null);
            return operations;
        } finally {
            glue.close();
        }
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return EMULATOR.http().post(Map.of("Content-Type", JSON_1_1, "X-Amz-Target", "AWSGlue." + operation), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAwsWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("glue"));
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("Glue", operations);
        assertThat(cases).hasSizeGreaterThan(operations.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = post(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("ValidationException");
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
            // SDKs read the message from "message" or "Message"; the core uses the casing of the model's error shape.
            String message = body.has("message") ? body.path("message").asText() : body.path("Message").asText();
            assertThat(message).matches("(?s)\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    /** Values of every JSON type, and edge values, that a hand-written request may carry. */
    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0",
            List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new BigDecimal("1e400"), "a".repeat(300));

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() {
        ServiceModel model = ServiceModels.get("glue");
        // An existing database and table, so values reach the handlers' own code and not only the lookup.
        post("CreateDatabase", "{\"DatabaseInput\":{\"Name\":\"odd\"}}".getBytes(StandardCharsets.UTF_8));
        post("CreateTable", ("{\"DatabaseName\":\"odd\",\"TableInput\":{\"Name\":\"odd\",\"PartitionKeys\":"
                + "[{\"Name\":\"year\",\"Type\":\"string\"}]}}").getBytes(StandardCharsets.UTF_8));
        List<String> operations = implementedOperations();
        operations.removeAll(List.of("DeleteDatabase", "DeleteTable"));
        return operations.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("DatabaseName", "odd");
                    body.put("TableName", "odd");
                    body.put("Name", "odd");
                    body.put(member, value);
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
