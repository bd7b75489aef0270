package io.labrunner.emulator.sagemaker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.protocol.ConformanceCases;
import io.labrunner.emulator.protocol.ServiceModel;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance of the Model Registry's operations, generated from SageMaker's API model and sent raw to the
 * emulator: a request breaking one constraint of one member is a 400 ValidationException naming it, and no
 * value of any JSON type in any member, also inside the inference specification, gets a server error.
 */
class RegistryConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATIONS = List.of("CreateModelPackageGroup", "DescribeModelPackageGroup",
            "ListModelPackageGroups", "DeleteModelPackageGroup", "CreateModelPackage", "DescribeModelPackage",
            "ListModelPackages", "UpdateModelPackage", "DeleteModelPackage");
    /** Valid values for the patterns these operations' members carry. */
    private static final List<String> SAMPLES = List.of("s3://b/p",
            "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            "arn:aws:sagemaker:us-east-1:000000000000:model-package/odd/1",
            "arn:aws:sagemaker:us-east-1:000000000000:model-package-group/odd");
    /** A request each operation would take, but for the member under test. */
    private static final String VALID = """
            {"ModelPackageGroupName":"odd",
             "ModelPackageArn":"arn:aws:sagemaker:us-east-1:000000000000:model-package/odd/1",
             "ModelApprovalStatus":"Approved",
             "InferenceSpecification":{
               "Containers":[{"Image":"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
                              "ModelDataUrl":"s3://b/model.tar.gz"}],
               "SupportedContentTypes":["text/csv"],"SupportedResponseMIMETypes":["text/csv"]},
             "ModelMetrics":{"ModelQuality":{"Statistics":{"ContentType":"application/json","S3Uri":"s3://b/s.json"}}},
             "CustomerMetadataProperties":{"k":"v"}}""";
    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0", List.of(),
            Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null), new BigDecimal("1e400"),
            "a".repeat(300), List.of(Map.of("Image", "i")));

    private static Emulator emulator;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        http = new SignedHttp(emulator.getEndpoint(), "sagemaker", emulator.getRegion());
        post("CreateModelPackageGroup", "{\"ModelPackageGroupName\":\"odd\"}".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return http.post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "SageMaker." + operation),
                body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryRegistryOperationIsRefusedAsAwsWordsIt() {
        List<ConformanceCases.Case> cases = new ConformanceCases(ServiceModels.get("sagemaker"), SAMPLES)
                .casesOf("SageMaker", OPERATIONS);
        assertThat(cases).hasSizeGreaterThan(OPERATIONS.size() * 2);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = post(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).endsWith("ValidationException");
            assertThat(body.path("message").asText()).matches("\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeAnywhereInARegistryRequestGetsAServerError() throws Exception {
        ServiceModel model = ServiceModels.get("sagemaker");
        ObjectNode valid = (ObjectNode) JSON.readTree(VALID);
        Stream<String> operations = Stream.concat(OPERATIONS.stream(), Stream.of("CreateModel"));
        return operations.map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    ObjectNode body = valid.deepCopy();
                    if (op.equals("CreateModel")) {
                        body = JSON.createObjectNode().put("ModelName", "m")
                                .set("PrimaryContainer", JSON.createObjectNode().put("ModelPackageName", "odd/1"));
                    }
                    body.set(member, JSON.valueToTree(value));
                    assertBelow500(op, member, value, body);
                }
            }
            if (op.equals("CreateModelPackage") || op.equals("UpdateModelPackage")) {
                // Inside the inference specification's container, where the registry's own checks run.
                for (String member : List.of("Image", "ModelDataUrl", "Environment", "ModelPackageName")) {
                    for (Object value : ODD_VALUES) {
                        ObjectNode body = valid.deepCopy();
                        ((ObjectNode) body.at("/InferenceSpecification/Containers/0")).set(member,
                                JSON.valueToTree(value));
                        assertBelow500(op, "Containers[0]." + member, value, body);
                    }
                }
            }
        }));
    }

    private static void assertBelow500(String op, String member, Object value, ObjectNode body) throws Exception {
        SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
        assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
    }
}
