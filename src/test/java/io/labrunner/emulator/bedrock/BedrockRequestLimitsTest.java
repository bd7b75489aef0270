package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Page sizes, page tokens and guardrail policy lengths are checked before any work; nothing is stored. */
class BedrockRequestLimitsTest {
    private final BedrockService service = new BedrockService("000000000000", Clock.systemUTC(),
            new KeywordTopicMatcher(), new UnusedEmbedder());

    private JsonNode call(String method, String path, Map<String, String> query, String body) {
        Map<String, java.util.List<String>> params = new java.util.HashMap<>();
        query.forEach((k, v) -> params.put(k, java.util.List.of(v)));
        AwsResponse response = service.handle(new AwsRequest(method, path, params, Map.of(),
                body.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "bedrock", "us-east-1", "test"));
        JsonNode answer;
        try {
            answer = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // The protocol core answers errors as responses; read one back as the SDK would.
        if (response.status() >= 300) {
            throw new AwsException(response.headers().get("x-amzn-ErrorType"), answer.path("message").asText(),
                    response.status());
        }
        return answer;
    }

    private static AwsException error(Runnable call) {
        try {
            call.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    private static String guardrail(String policies) {
        return "{'name':'g','blockedInputMessaging':'no','blockedOutputsMessaging':'no'" + policies + "}";
    }

    private static String repeated(String item, int count) {
        return String.join(",", java.util.Collections.nCopies(count, item));
    }

    @Test
    void aPageTokenNearIntegerMaxCannotOverflowThePage() {
        call("POST", "/guardrails", Map.of(), guardrail(""));

        JsonNode page = call("GET", "/guardrails", Map.of("nextToken", "2147483000", "maxResults", "1000"), "");

        assertThat(page.path("guardrails")).isEmpty();
    }

    @Test
    void aMaxResultsOutsideOneToOneThousandIsAValidationErrorNamingTheValueGiven() {
        AwsException zero = error(() -> call("GET", "/guardrails", Map.of("maxResults", "0"), ""));
        AwsException negative = error(() -> call("GET", "/guardrails", Map.of("maxResults", "-5"), ""));
        AwsException tooMany = error(() -> call("GET", "/guardrails", Map.of("maxResults", "1001"), ""));

        assertThat(zero.code()).isEqualTo("ValidationException");
        assertThat(negative.getMessage()).contains("Value '-5' at 'maxResults'");
        assertThat(tooMany.status()).isEqualTo(400);
    }

    @Test
    void aGuardrailWithMoreTopicsWordsOrFiltersThanTheModelAllowsIsRefusedAndNotCreated() {
        String topic = "{'name':'t','definition':'d','type':'DENY'}";
        AwsException topics = error(() -> call("POST", "/guardrails", Map.of(),
                guardrail(",'topicPolicyConfig':{'topicsConfig':[" + repeated(topic, 31) + "]}")));
        AwsException words = error(() -> call("POST", "/guardrails", Map.of(),
                guardrail(",'wordPolicyConfig':{'wordsConfig':[" + repeated("{'text':'w'}", 10_001) + "]}")));
        AwsException filters = error(() -> call("POST", "/guardrails", Map.of(), guardrail(",'contentPolicyConfig':"
                + "{'filtersConfig':[" + repeated("{'type':'HATE','inputStrength':'HIGH','outputStrength':'HIGH'}", 7)
                + "]}")));

        assertThat(topics.getMessage()).isEqualTo("1 validation error detected: Value at "
                + "'topicPolicyConfig.topicsConfig' failed to satisfy constraint: Member must have length less than "
                + "or equal to 30");
        assertThat(words.getMessage()).contains("'wordPolicyConfig.wordsConfig'").contains("10000");
        assertThat(filters.getMessage()).contains("'contentPolicyConfig.filtersConfig'").contains("6");
        assertThat(call("GET", "/guardrails", Map.of(), "").path("guardrails")).isEmpty();
    }

    private static final class UnusedEmbedder implements TextEmbedder {
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
