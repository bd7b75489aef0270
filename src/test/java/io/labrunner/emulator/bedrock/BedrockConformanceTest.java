package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import io.labrunner.emulator.protocol.ConformanceCases;
import io.labrunner.emulator.protocol.Quoting;
import io.labrunner.emulator.protocol.RestJsonRequests;
import io.labrunner.emulator.protocol.ServiceModel;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance generated from the Bedrock and Bedrock Runtime API models: for every operation the emulator
 * serves, a signed raw request breaking each constraint of each member — URI labels, query-string and header
 * members and body members alike — must come back as AWS's 400 ValidationException naming that member and
 * constraint, before the handler looks anything up. Bedrock quotes scalar values back and no collection.
 */
class BedrockConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Valid values for Bedrock's patterned strings the built-in samples do not fit. */
    private static final List<String> SAMPLES = List.of("amazon.titan-embed-text-v2:0", "abcdefghijkl", "DRAFT", "1",
            "application/json", "arn:aws:bedrock:us-east-1:000000000000:guardrail/abcdefghijkl");
    private static Emulator emulator;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        http = new SignedHttp(emulator.getEndpoint(), "bedrock", emulator.getRegion());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static List<String> servedOperations(ServiceModel model) {
        BedrockService service = new BedrockService("000000000000", Clock.systemUTC(), new KeywordTopicMatcher(),
                new NoEmbedder());
        List<String> operations = new ArrayList<>(service.implementedOperations().stream()
                .filter(op -> model.operation(op).isPresent()).toList());
        operations.sort(null);
        return operations;
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryControlPlaneOperationIsRefusedAsBedrockWordsIt() {
        return cases("bedrock", "Bedrock", 12);
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryRuntimeOperationIsRefusedAsBedrockWordsIt() {
        return cases("bedrock-runtime", "Bedrock Runtime", 5);
    }

    private static Stream<DynamicTest> cases(String modelName, String title, int served) {
        ServiceModel model = ServiceModels.get(modelName);
        ConformanceCases generator = new ConformanceCases(model, SAMPLES).quoting(Quoting.SCALARS);
        RestJsonRequests requests = new RestJsonRequests(model);
        List<String> operations = servedOperations(model);
        List<ConformanceCases.Case> all = generator.casesOf(title, operations);
        List<ConformanceCases.Case> sendable = all.stream()
                .filter(c -> requests.of(c.operation(), c.body()).isPresent()).toList();
        System.out.printf("%s conformance: %d of %d cases expressible over HTTP (a missing or empty URI label, or a "
                + "header value HTTP cannot carry, names no request)%n", title, sendable.size(), all.size());
        assertThat(operations).hasSize(served);
        assertThat(sendable).hasSizeGreaterThan(operations.size());
        return sendable.stream().map(c -> DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
            Optional<RestJsonRequests.Request> request = requests.of(c.operation(), c.body());
            RestJsonRequests.Request r = request.orElseThrow();
            SignedHttp.Answer answer = http.send(r.method(), r.encodedPath(), r.query(), r.headers(), r.body());
            assertThat(answer.status()).as(r.method() + " " + r.encodedPath() + " " + r.query() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(400);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(answer.header("x-amzn-ErrorType")).as(body.toString()).isEqualTo("ValidationException");
            assertThat(body.path("message").asText()).matches("\\d+ validation errors? detected: .*")
                    .contains(c.violation());
        }));
    }

    private static final class NoEmbedder implements TextEmbedder {
        @Override
        public Embedding embed(String text) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public int dimensions() {
            return 1;
        }
    }
}
