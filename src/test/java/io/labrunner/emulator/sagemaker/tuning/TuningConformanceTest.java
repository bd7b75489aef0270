package io.labrunner.emulator.sagemaker.tuning;

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
 * Conformance of the five tuning operations, generated from SageMaker's API model and sent raw to the
 * emulator's own SageMaker: a request breaking one constraint of one member is a 400 ValidationException
 * naming it, and no value of any JSON type in any member, nested in an otherwise valid request, gets a
 * server error.
 */
class TuningConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATIONS = List.of("CreateHyperParameterTuningJob",
            "DescribeHyperParameterTuningJob", "ListHyperParameterTuningJobs", "ListTrainingJobsForHyperParameterTuningJob",
            "StopHyperParameterTuningJob");
    private static final String VALID = """
            {"HyperParameterTuningJobName":"odd",
             "HyperParameterTuningJobConfig":{"Strategy":"Random",
               "HyperParameterTuningJobObjective":{"Type":"Minimize","MetricName":"validation:rmse"},
               "ResourceLimits":{"MaxNumberOfTrainingJobs":1,"MaxParallelTrainingJobs":1},
               "ParameterRanges":{"ContinuousParameterRanges":[{"Name":"eta","MinValue":"0.1","MaxValue":"0.5"}]}},
             "TrainingJobDefinition":{
               "AlgorithmSpecification":{"TrainingImage":"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
                                         "TrainingInputMode":"File"},
               "RoleArn":"arn:aws:iam::000000000000:role/R",
               "OutputDataConfig":{"S3OutputPath":"s3://b/o"},
               "StoppingCondition":{"MaxRuntimeInSeconds":60}}}""";
    private static final List<Object> ODD_VALUES = Arrays.asList(null, true, 1.5, -1, 0, "", "x", "0", List.of(),
            Map.of(), Collections.singletonList(null), Collections.singletonMap("a", null), new BigDecimal("1e400"),
            "a".repeat(300), List.of(Map.of("Name", "n")));

    private static Emulator emulator;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        http = new SignedHttp(emulator.getEndpoint(), "sagemaker", emulator.getRegion());
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
    Stream<DynamicTest> everyConstraintOfEveryTuningOperationIsRefusedAsAwsWordsIt() {
        List<ConformanceCases.Case> cases = new ConformanceCases(ServiceModels.get("sagemaker"))
                .casesOf("SageMaker", OPERATIONS);
        assertThat(cases).hasSizeGreaterThan(OPERATIONS.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            SignedHttp.Answer answer = post(c.operation(), JSON.writeValueAsBytes(c.body()));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(body.path("__type").asText()).as(body.toString()).endsWith("ValidationException");
            assertThat(body.path("message").asText()).matches("\\d+ validation errors? detected: .*").contains(c.violation());
        }));
    }

    @TestFactory
    Stream<DynamicTest> noValueOfAnyTypeAnywhereInATuningRequestGetsAServerError() throws Exception {
        ServiceModel model = ServiceModels.get("sagemaker");
        ObjectNode valid = (ObjectNode) JSON.readTree(VALID);
        return OPERATIONS.stream().map(op -> DynamicTest.dynamicTest(op, () -> {
            var input = model.shape(model.operation(op).orElseThrow().input());
            for (String member : input.members().keySet()) {
                for (Object value : ODD_VALUES) {
                    ObjectNode body = valid.deepCopy();
                    body.set(member, JSON.valueToTree(value));
                    SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                    assertThat(answer.status()).as(op + " " + member + "=" + value + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                }
            }
            // One level down in the config and the definition, where the tuning job's own checks run.
            for (String parent : List.of("HyperParameterTuningJobConfig", "TrainingJobDefinition")) {
                for (String member : List.of("ResourceLimits", "ParameterRanges", "HyperParameterTuningJobObjective",
                        "TuningJobCompletionCriteria", "StaticHyperParameters", "AlgorithmSpecification", "Strategy")) {
                    for (Object value : ODD_VALUES) {
                        ObjectNode body = valid.deepCopy();
                        body.put("HyperParameterTuningJobName", "odd" + Math.abs((parent + member + value).hashCode() % 100000));
                        ((ObjectNode) body.get(parent)).set(member, JSON.valueToTree(value));
                        SignedHttp.Answer answer = post(op, JSON.writeValueAsBytes(body));
                        assertThat(answer.status()).as(op + " " + parent + "." + member + "=" + value + ": "
                                + new String(answer.body(), StandardCharsets.UTF_8)).isLessThan(500);
                    }
                }
            }
        }));
    }
}
