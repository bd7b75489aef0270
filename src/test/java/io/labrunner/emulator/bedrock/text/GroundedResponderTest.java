package io.labrunner.emulator.bedrock.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.bedrock.embed.MiniLmEmbedder;
import io.labrunner.emulator.bedrock.text.Generation.StopReason;
import io.labrunner.emulator.bedrock.text.Prompt.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grounded responder with the real embedding model and tokenizer. */
class GroundedResponderTest {
    private static final GroundedResponder RESPONDER = new GroundedResponder(new MiniLmEmbedder(), new BertTokenCounter());
    private static final InferenceSettings DEFAULTS = new InferenceSettings(4096, null, null, List.of());

    private static Generation ask(String system, String user, InferenceSettings settings) {
        return RESPONDER.generate(new Prompt(system == null ? List.of() : List.of(system),
                List.of(new Turn(Turn.Role.USER, user)), settings));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "What is the maximum size of an S3 object?|5 TB",
        "How much does Athena charge for queries?|5 US dollars per terabyte",
        "How long does Kinesis keep records by default?|24 hours",
        "What does a Glue crawler do?|infer schemas",
        "How fast can I write to one shard?|1 MB per second",
        "What is the default buffer interval of Firehose?|300 seconds",
        "How can I contact the support team?|help@example.com"})
    void answersEachQuestionWithTheFactFromTheContext(String question, String fact) {
        Generation tagged = ask("Answer only from the documents.\n" + AwsPassages.tagged(), question, DEFAULTS);
        Generation headed = ask(null, AwsPassages.headed() + "\nQuestion: " + question, DEFAULTS);

        assertThat(tagged.text()).contains(fact);
        assertThat(headed.text()).isEqualTo(tagged.text());
        assertThat(tagged.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Who painted the Mona Lisa?", "What is the capital of France?",
        "What is the price of Amazon Redshift?", "How many availability zones does us-east-1 have?",
        "What year was Amazon founded?"})
    void saysItDoesNotKnowWhatTheContextDoesNotAnswer(String question) {
        Generation answer = ask(AwsPassages.tagged(), question, DEFAULTS);

        assertThat(answer.text()).isEqualTo(GroundedResponder.DONT_KNOW).contains("I don't know");
    }

    @Test
    void saysItDoesNotKnowWhenThePromptHasNoContext() {
        Generation answer = ask("You are a helpful assistant.", "What is the maximum size of an S3 object?", DEFAULTS);

        assertThat(answer.text()).isEqualTo(GroundedResponder.DONT_KNOW);
    }

    @Test
    void countsTokensWithTheEmbeddingModelsTokenizer() {
        Generation answer = ask(AwsPassages.tagged(), "How long does Kinesis keep records by default?", DEFAULTS);
        BertTokenCounter tokens = new BertTokenCounter();

        assertThat(answer.outputTokens()).isEqualTo(tokens.count(answer.text())).isPositive();
        assertThat(answer.inputTokens()).isGreaterThan(100);
    }

    @Test
    void stopsAtTheMaximumNumberOfTokens() {
        Generation answer = ask(AwsPassages.tagged(), "How long does Kinesis keep records by default?",
                new InferenceSettings(4, null, null, List.of()));

        assertThat(answer.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(answer.outputTokens()).isLessThanOrEqualTo(4);
        assertThat(answer.text()).isEqualTo("Kinesis stores records");
    }

    @Test
    void stopsBeforeTheFirstStopSequence() {
        Generation answer = ask(AwsPassages.tagged(), "How long does Kinesis keep records by default?",
                new InferenceSettings(4096, null, null, List.of("hours", "default")));

        assertThat(answer.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
        assertThat(answer.stopSequence()).isEqualTo("hours");
        assertThat(answer.text()).isEqualTo("Kinesis stores records for 24");
    }

    @Test
    void answersTheSamePromptTheSameWay() {
        String question = "What does a Glue crawler do?";

        assertThat(ask(AwsPassages.tagged(), question, DEFAULTS)).isEqualTo(ask(AwsPassages.tagged(), question, DEFAULTS));
    }
}
