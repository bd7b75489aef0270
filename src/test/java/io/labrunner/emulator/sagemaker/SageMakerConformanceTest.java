package io.labrunner.emulator.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance generated from SageMaker's API model: for every operation the emulator serves, each broken
 * constraint of each member comes back as AWS's 400 ValidationException naming it, and no value of any
 * JSON type in any member gets a server error.
 */
class SageMakerConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "SageMaker.";
    /** Valid values for the patterns CreateTrainingJob's members carry (ARNs, S3 URIs, images). */
    private static final List<String> SAMPLES = List.of("arn:aws:iam::000000000000:role/r", "s3://b/p",
            "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            "arn:aws:sagemaker:us-east-1:000000000000:training-job/x", "arn:aws:kms:us-east-1:000000000000:key/k",
            "sg-0123456789abcdef0", "subnet-0123456789abcdef0");
    private static Emulator emulator;
    private static SignedHttp http;
    private static SageMakerService served;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).service(e -> {
            served = new SageMakerService(List.of(
                    new io.labrunner.emulator.sagemaker.training.TrainingJobService(e.accountId(), List.of(),
                            e.s3Objects(), io.labrunner.emulator.logs.LogWriter.discarding(),
                            new ResourceTags(e.stateStore()),
                            io.labrunner.emulator.sagemaker.training.TrainingTimings.instant(1), e.stateStore(),
                            e.getDataDir().resolve("sagemaker-work"), java.time.Clock.systemUTC()),
                    new TagOperations(new ResourceTags(e.stateStore()))));
            return served;
        }).build().start();
        http = new SignedHttp(emulator.getEndpoint(), "sagemaker", emulator.getRegion());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static List<String> implementedOperations() {
        List<String> operations = new ArrayList<>(served.implementedOperations());
        operations.sort(null);
        return operations;
    }

    private static SignedHttp.Answer post(String operation, byte[] body) {
        return http.post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", TARGET + operation), body);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsAwsWordsIt() {
        ConformanceCases generator = new ConformanceCases(ServiceModels.get("sagemaker"), SAMPLES);
        List<String> operations = implementedOperations();
        List<ConformanceCases.Case> cases = generator.casesOf("SageMaker", operations);
        assertThat(operations).containsExactly("AddTags", "CreateTrainingJob", "DeleteTags", "DescribeTrainingJob",
                "ListTags", "ListTrainingJobs", "StopTrainingJob");
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

    /** Values of every JSON type, and edge values, that a hand-written request may carry. */
    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0",
            List.of(), Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null),
            new BigDecimal("1e400"), "a".repeat(300));

    private static Map<String, Object> validTrainingJob(String name) {
        return Map.of("TrainingJobName", name, "RoleArn", "arn:aws:iam::000000000000:role/r",
                "AlgorithmSpecification", Map.of("TrainingImage", SAMPLES.get(2), "TrainingInputMode", "File"),
                "InputDataConfig", List.of(Map.of("ChannelName", "train", "DataSource", Map.of("S3DataSource",
                        Map.of("S3DataType", "S3Prefix", "S3Uri", "s3://odd/train/")))),
                "OutputDataConfig", Map.of("S3OutputPath", "s3://odd/out"),
                "ResourceConfig", Map.of("InstanceType", "ml.m5.large", "InstanceCount", 1, "VolumeSizeInGB", 5),
                "StoppingCondition", Map.of("MaxRuntimeInSeconds", 60));
    }

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeInAnyMemberGetsAServerError() {
        ServiceModel model = ServiceModels.get("sagemaker");
        // Objects under the channel's prefix, so that a CreateTrainingJob valid but for one member reaches
        // the handler's own checks and, when the member's value is acceptable, starts a job.
        try (var s3 = TrainingJobTest.s3(emulator)) {
            s3.createBucket(b -> b.bucket("odd"));
            s3.putObject(p -> p.bucket("odd").key("train/a.csv"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("1,2\n"));
        }
        int[] serial = {0};
        return implementedOperations().stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    Map<String, Object> body = new HashMap<>();
                    if (op.equals("CreateTrainingJob")) {
                        body.putAll(validTrainingJob("odd-" + serial[0]++));
                    } else {
                        body.put("TrainingJobName", "odd");
                        body.put("ResourceArn", "arn:aws:sagemaker:us-east-1:000000000000:training-job/odd");
                    }
                    body.put(member, value);
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
        }));
    }
}
