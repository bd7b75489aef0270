package io.labrunner.emulator.firehose;

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
 * Conformance generated from Firehose's API model: for every operation the emulator implements, a
 * signed raw request breaking each constraint of each member (below min, above max, off pattern,
 * outside the enum, required member missing; nested structures and list and map elements too, every
 * destination type included) must come back as AWS's 400 ValidationException naming that member and
 * constraint, before the handler looks anything up.
 */
class FirehoseConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "Firehose_20150804.";
    /**
     * Valid values for the patterns of Firehose's destinations and sources (ARNs of other services, URLs,
     * endpoint names), so the generator reaches the members of every destination type, not only S3's.
     */
    private static final List<String> SAMPLES = List.of("arn:aws:iam::000000000000:role/r", "arn:aws:s3:::b",
            "arn:aws:kms:us-east-1:000000000000:key/k", "jdbc:redshift://a.b.redshift.amazonaws.com:5439/d",
            "https://example.com", "arn:aws:es:us-east-1:000000000000:domain/abc",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:s", "arn:aws:glue:us-east-1:000000000000:catalog",
            "arn:aws:lambda:us-east-1:000000000000:function:f", "s3://b/", "abcdefgh.snowflakecomputing.com",
            "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", ".json");
    @RegisterExtension
    static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("firehose");

    private static List<String> implementedOperations() {
        try (FirehoseService service = new FirehoseService(FirehoseSettings.manual(new ManualClock()),
                new FirehoseRequestLimitsTest.RefusingStore(), null)) {
            List<String> operations = new ArrayList<>(service.implementedOperations());
            operations.sort(null);
            return operations;
        }
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return EMULATOR.http().post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", TARGET + operation), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAwsWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("firehose"), SAMPLES);
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("Firehose", operations);
        assertThat(operations).hasSize(10);
        assertThat(cases).hasSizeGreaterThan(operations.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = post(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("ValidationException");
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
            assertThat(body.path("message").asText()).matches("\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    /** Values of every JSON type, and edge values, that a hand-written request may carry. */
    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0",
            List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new BigDecimal("1e400"), "a".repeat(300));

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() {
        ServiceModel model = ServiceModels.get("firehose");
        // An existing stream, so values reach the handlers' own code and not only the lookup.
        post("CreateDeliveryStream", ("{\"DeliveryStreamName\":\"odd\",\"ExtendedS3DestinationConfiguration\":"
                + "{\"RoleARN\":\"arn:aws:iam::000000000000:role/r\",\"BucketARN\":\"arn:aws:s3:::odd\"}}")
                .getBytes(StandardCharsets.UTF_8));
        List<String> operations = implementedOperations();
        operations.remove("DeleteDeliveryStream");
        return operations.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("DeliveryStreamName", "odd");
                    body.put(member, value);
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
