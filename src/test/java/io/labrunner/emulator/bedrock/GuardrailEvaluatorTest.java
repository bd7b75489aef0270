package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.bedrock.GuardrailConfig.ContentFilter;
import io.labrunner.emulator.bedrock.GuardrailConfig.DeniedTopic;
import io.labrunner.emulator.bedrock.GuardrailConfig.PiiAction;
import io.labrunner.emulator.bedrock.GuardrailConfig.PiiRule;
import io.labrunner.emulator.bedrock.GuardrailConfig.RegexRule;
import io.labrunner.emulator.bedrock.GuardrailConfig.Source;
import io.labrunner.emulator.bedrock.GuardrailConfig.Strength;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guardrail policies on their own, without HTTP. */
class GuardrailEvaluatorTest {
    private static final DeniedTopic INVESTMENT = new DeniedTopic("Investment advice",
            "Guidance or recommendations about investing money, buying stocks, bonds or funds.",
            List.of("Which stocks should I buy?", "Is it a good time to invest in bonds?"));
    private final GuardrailEvaluator evaluator = new GuardrailEvaluator(new KeywordTopicMatcher());

    private static GuardrailConfig config(List<DeniedTopic> topics, List<ContentFilter> filters, List<String> words,
            boolean profanity, List<PiiRule> pii, List<RegexRule> regexes) {
        return new GuardrailConfig("g", null, "Sorry, I cannot help with that.", "Sorry, the answer was blocked.",
                topics, filters, words, profanity, pii, regexes);
    }

    private JsonNode apply(GuardrailConfig config, Source source, String text) {
        return evaluator.apply(config, source, List.of(text));
    }

    @Test
    void aPromptAboutADeniedTopicIsBlockedWithTheInputMessage() {
        JsonNode result = apply(config(List.of(INVESTMENT), List.of(), List.of(), false, List.of(), List.of()),
                Source.INPUT, "Can you recommend some stocks to invest my savings in?");

        assertThat(result.path("action").asText()).isEqualTo("GUARDRAIL_INTERVENED");
        assertThat(result.path("outputs").get(0).path("text").asText()).isEqualTo("Sorry, I cannot help with that.");
        JsonNode topic = result.path("assessments").get(0).path("topicPolicy").path("topics").get(0);
        assertThat(topic.path("name").asText()).isEqualTo("Investment advice");
        assertThat(topic.path("action").asText()).isEqualTo("BLOCKED");
    }

    @Test
    void cleanTextPassesWithNoOutputsAndNoAssessments() {
        GuardrailConfig config = config(List.of(INVESTMENT), List.of(new ContentFilter("INSULTS", Strength.HIGH, Strength.HIGH)),
                List.of("competitor"), true, List.of(new PiiRule("EMAIL", PiiAction.ANONYMIZE)), List.of());

        JsonNode result = apply(config, Source.INPUT, "What is the capital of France?");

        assertThat(result.path("action").asText()).isEqualTo("NONE");
        assertThat(result.path("outputs")).isEmpty();
        assertThat(result.path("assessments").get(0).isEmpty()).isTrue();
        assertThat(result.path("usage").path("topicPolicyUnits").asInt()).isEqualTo(1);
    }

    @Test
    void piiInAnAnswerIsMaskedWithItsType() {
        GuardrailConfig config = config(List.of(), List.of(), List.of(), false, List.of(
                new PiiRule("EMAIL", PiiAction.ANONYMIZE), new PiiRule("PHONE", PiiAction.ANONYMIZE),
                new PiiRule("US_SOCIAL_SECURITY_NUMBER", PiiAction.ANONYMIZE)), List.of());

        JsonNode result = apply(config, Source.OUTPUT,
                "Write to jane.doe@example.com or call 555-123-4567; her SSN is 123-45-6789.");

        assertThat(result.path("action").asText()).isEqualTo("GUARDRAIL_INTERVENED");
        assertThat(result.path("outputs").get(0).path("text").asText())
                .isEqualTo("Write to {EMAIL} or call {PHONE}; her SSN is {US_SOCIAL_SECURITY_NUMBER}.");
        JsonNode entities = result.path("assessments").get(0).path("sensitiveInformationPolicy").path("piiEntities");
        assertThat(entities).hasSize(3);
        assertThat(entities.get(0).path("action").asText()).isEqualTo("ANONYMIZED");
    }

    @Test
    void aCardNumberIsDetectedOnlyWhenItsLuhnChecksumHolds() {
        GuardrailConfig config = config(List.of(), List.of(), List.of(), false,
                List.of(new PiiRule("CREDIT_DEBIT_CARD_NUMBER", PiiAction.BLOCK)), List.of());

        assertThat(apply(config, Source.INPUT, "My card is 4111 1111 1111 1111").path("action").asText())
                .isEqualTo("GUARDRAIL_INTERVENED");
        assertThat(apply(config, Source.INPUT, "Order 4111 1111 1111 1112 shipped").path("action").asText())
                .isEqualTo("NONE");
    }

    @Test
    void theManagedProfanityListBlocksWholeWordsInAnyCase() {
        GuardrailConfig config = config(List.of(), List.of(), List.of(), true, List.of(), List.of());

        JsonNode blocked = apply(config, Source.INPUT, "This is DAMN annoying");
        JsonNode inside = apply(config, Source.INPUT, "Hello from Shellharbour");

        assertThat(blocked.path("action").asText()).isEqualTo("GUARDRAIL_INTERVENED");
        JsonNode match = blocked.path("assessments").get(0).path("wordPolicy").path("managedWordLists").get(0);
        assertThat(match.path("match").asText()).isEqualTo("DAMN");
        assertThat(match.path("type").asText()).isEqualTo("PROFANITY");
        assertThat(inside.path("action").asText()).isEqualTo("NONE");
    }

    @Test
    void aCustomWordBlocksTheOutputWithTheOutputMessage() {
        GuardrailConfig config = config(List.of(), List.of(), List.of("Project Falcon"), false, List.of(), List.of());

        JsonNode result = apply(config, Source.OUTPUT, "The launch of project falcon is next week.");

        assertThat(result.path("outputs").get(0).path("text").asText()).isEqualTo("Sorry, the answer was blocked.");
        assertThat(result.path("assessments").get(0).path("wordPolicy").path("customWords").get(0).path("match").asText())
                .isEqualTo("project falcon");
    }

    @Test
    void aCustomRegexMasksWithItsNameOrBlocks() {
        RegexRule employee = new RegexRule("EMPLOYEE_ID", null, "EMP-\\d{5}", PiiAction.ANONYMIZE);
        JsonNode masked = apply(config(List.of(), List.of(), List.of(), false, List.of(), List.of(employee)),
                Source.OUTPUT, "Ask EMP-12345 about it.");
        RegexRule blocking = new RegexRule("EMPLOYEE_ID", null, "EMP-\\d{5}", PiiAction.BLOCK);
        JsonNode blocked = apply(config(List.of(), List.of(), List.of(), false, List.of(), List.of(blocking)),
                Source.OUTPUT, "Ask EMP-12345 about it.");

        assertThat(masked.path("outputs").get(0).path("text").asText()).isEqualTo("Ask {EMPLOYEE_ID} about it.");
        assertThat(masked.path("usage").path("sensitiveInformationPolicyFreeUnits").asInt()).isEqualTo(1);
        assertThat(blocked.path("outputs").get(0).path("text").asText()).isEqualTo("Sorry, the answer was blocked.");
        assertThat(blocked.path("assessments").get(0).path("sensitiveInformationPolicy").path("regexes").get(0)
                .path("action").asText()).isEqualTo("BLOCKED");
    }

    @Test
    void aContentFilterBlocksOnlyWhenItsStrengthReachesTheConfidence() {
        // "idiot" is a MEDIUM-confidence insult: a HIGH or MEDIUM filter blocks it, a LOW filter only reports it.
        GuardrailConfig medium = config(List.of(), List.of(new ContentFilter("INSULTS", Strength.MEDIUM, Strength.LOW)),
                List.of(), false, List.of(), List.of());

        JsonNode input = apply(medium, Source.INPUT, "You are an idiot");
        JsonNode output = apply(medium, Source.OUTPUT, "You are an idiot");

        assertThat(input.path("action").asText()).isEqualTo("GUARDRAIL_INTERVENED");
        JsonNode filter = output.path("assessments").get(0).path("contentPolicy").path("filters").get(0);
        assertThat(output.path("action").asText()).isEqualTo("NONE");
        assertThat(filter.path("confidence").asText()).isEqualTo("MEDIUM");
        assertThat(filter.path("action").asText()).isEqualTo("NONE");
    }

    @Test
    void strengthThresholdsFollowTheAwsScale() {
        assertThat(Strength.HIGH.blocks(Strength.LOW)).isTrue();
        assertThat(Strength.MEDIUM.blocks(Strength.LOW)).isFalse();
        assertThat(Strength.MEDIUM.blocks(Strength.MEDIUM)).isTrue();
        assertThat(Strength.LOW.blocks(Strength.MEDIUM)).isFalse();
        assertThat(Strength.LOW.blocks(Strength.HIGH)).isTrue();
        assertThat(Strength.NONE.blocks(Strength.HIGH)).isFalse();
    }
}
