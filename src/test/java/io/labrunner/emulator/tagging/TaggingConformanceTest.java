package io.labrunner.emulator.tagging;

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
 * Conformance generated from the Tagging API's model: a request breaking one constraint of one member is a 400
 * InvalidParameterException naming that member and constraint, and no value of any JSON type in any member gets a
 * server error.
 */
class TaggingConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "ResourceGroupsTaggingAPI_20170126.";
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("tagging");

    private static List<String> implementedOperations() {
        List<String> operations = new ArrayList<>(new TaggingService(List::of).implementedOperations());
        operations.sort(null);
        return operations;
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target",
                TARGET + operation), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAnInvalidParameter() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("resourcegroupstaggingapi"),
                List.of("lab:run-id"));
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("Tagging", operations);
        assertThat(operations).containsExactly("GetResources", "GetTagKeys", "GetTagValues", "TagResources",
                "UntagResources");
        assertThat(cases).hasSizeGreaterThan(operations.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = post(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("InvalidParameterException");
            assertThat(body.path("Message").asText()).matches("\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, 7, 101, 1000, "", "x",
            "0", List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new BigDecimal("1e400"), "a".repeat(300), List.of("arn:aws:kinesis:us-east-1:000000000000:stream/x"),
            List.of("not-an-arn"), List.of(Map.of("Key", "k")), List.of(Map.of("Values", List.of("v"))),
            List.of("s3", "kinesis:stream", ":", "a:b:c"), "arn:aws:s3:::bucket", "YWZ0ZXI6eA");

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() {
        ServiceModel model = ServiceModels.get("resourcegroupstaggingapi");
        return implementedOperations().stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    if (op.endsWith("Resources")) {
                        body.put("ResourceARNList", List.of("arn:aws:logs:us-east-1:000000000000:log-group:x"));
                        body.put("Tags", Map.of("k", "v"));
                        body.put("TagKeys", List.of("k"));
                    }
                    body.put("Key", "k");
                    body.put(member, value);
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
