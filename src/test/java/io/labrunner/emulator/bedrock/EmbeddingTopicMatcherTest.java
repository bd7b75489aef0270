package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.bedrock.GuardrailConfig.DeniedTopic;
import io.labrunner.emulator.bedrock.embed.MiniLmEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Denied topics matched by meaning with all-MiniLM-L6-v2, against the keyword matcher on the same sentences. */
class EmbeddingTopicMatcherTest {
    private static final DeniedTopic INVESTMENT = new DeniedTopic("Investment advice",
            "Recommendations about buying, selling or holding stocks, bonds, cryptocurrency or other investments,"
                    + " and predictions of their prices.",
            List.of("Should I buy shares in a sensor company?", "Which cryptocurrency will go up this year?",
                    "Is now a good time to sell my stocks?"));
    private static final DeniedTopic MEDICAL = new DeniedTopic("Medical advice",
            "Diagnosing illnesses or recommending treatments, medicines or doses.",
            List.of("What medicine should I take for my headache?", "Do I have the flu?"));
    private static final DeniedTopic POLITICS = new DeniedTopic("Politics",
            "Opinions about political parties, elections, candidates or government policy.",
            List.of("Who should I vote for?", "Is the government doing a good job?"));
    private static final List<DeniedTopic> TOPICS = List.of(INVESTMENT, MEDICAL, POLITICS);
    private static final EmbeddingTopicMatcher EMBEDDING = new EmbeddingTopicMatcher(new MiniLmEmbedder());

    private final KeywordTopicMatcher keyword = new KeywordTopicMatcher();
    private final TopicMatcher either = new AnyTopicMatcher(List.of(keyword, EMBEDDING));

    @Test
    void paraphrasesThatShareNoKeywordWithTheTopicAreCaughtByMeaning() {
        List<String> investment = List.of("Where should I put my money to get the best returns?",
                "Will bitcoin's price rise next month?", "Give me your top three crypto picks.");
        String medical = "My throat hurts and I have a fever, what pills should I take?";

        for (String text : investment) {
            assertThat(keyword.matches(text, INVESTMENT)).as(text).isFalse();
            assertThat(either.matches(text, INVESTMENT)).as(text).isTrue();
        }
        assertThat(keyword.matches(medical, MEDICAL)).isFalse();
        assertThat(either.matches(medical, MEDICAL)).isTrue();
    }

    @Test
    void whatTheKeywordMatcherCatchesIsStillCaught() {
        assertThat(either.matches("Should I sell my Apple shares before earnings?", INVESTMENT)).isTrue();
        assertThat(either.matches("Which party deserves my vote in the next election?", POLITICS)).isTrue();
    }

    @Test
    void cleanPromptsAreNotMatchedByMeaningSoTheCombinationBlocksNothingTheKeywordMatcherLetsThrough() {
        List<String> clean = List.of(
                "How do I replace the battery in my Wrenlow W3 probe?",
                "What is the capital of France?",
                "How do I open a bank account?",
                "How do I transfer money to my friend?",
                "Explain how compound interest works.",
                "What is a bond in chemistry?",
                "Shares of the document can be set to read-only.",
                "You can buy a replacement battery from our online store for $12.",
                "How much will the subscription cost next year?",
                "Where can I sell my old device?",
                "What is your refund policy for damaged products?",
                "Is it safe to use the charger overnight?",
                "What is the best way to store vaccines at the right temperature?",
                "How do I vote on a feature request in your forum?",
                "The election of the new team lead happens on Friday.");

        for (String text : clean) {
            for (DeniedTopic topic : TOPICS) {
                assertThat(EMBEDDING.matches(text, topic)).as(topic.name() + ": " + text).isFalse();
                assertThat(either.matches(text, topic)).as(topic.name() + ": " + text)
                        .isEqualTo(keyword.matches(text, topic));
            }
        }
    }

    @Test
    void oneTopicalSentenceInALongerAnswerIsEnough() {
        String answer = "The W3 probe runs for 200 hours on one battery. Replacement batteries ship within two days. "
                + "By the way, I think bitcoin's price will rise next month!";

        assertThat(EMBEDDING.matches(answer, INVESTMENT)).isTrue();
        assertThat(EMBEDDING.matches(answer.substring(0, answer.indexOf("By the way")), INVESTMENT)).isFalse();
    }

    @Test
    void eitherMatcherIsEnoughAndTheFirstMatchStopsTheSearch() {
        TopicMatcher yes = (text, topic) -> true;
        TopicMatcher unreachable = (text, topic) -> {
            throw new AssertionError("asked after a match");
        };

        assertThat(new AnyTopicMatcher(List.of((text, topic) -> false, yes)).matches("x", POLITICS)).isTrue();
        assertThat(new AnyTopicMatcher(List.of(yes, unreachable)).matches("x", POLITICS)).isTrue();
        assertThat(new AnyTopicMatcher(List.of((text, topic) -> false)).matches("x", POLITICS)).isFalse();
    }
}
