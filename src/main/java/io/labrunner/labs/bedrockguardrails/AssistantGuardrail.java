package io.labrunner.labs.bedrockguardrails;

import software.amazon.awssdk.services.bedrock.model.CreateGuardrailRequest;
import software.amazon.awssdk.services.bedrock.model.GuardrailManagedWordsType;
import software.amazon.awssdk.services.bedrock.model.GuardrailPiiEntityType;
import software.amazon.awssdk.services.bedrock.model.GuardrailSensitiveInformationAction;
import software.amazon.awssdk.services.bedrock.model.GuardrailTopicType;

/**
 * The guardrail of a support assistant, as a CreateGuardrail request: one denied topic (investment
 * advice), a word filter (a competitor's name and the managed profanity list), and PII masking
 * (e-mail addresses and phone numbers are replaced by {@code {EMAIL}} and {@code {PHONE}}).
 * Limits and shapes: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateGuardrail.html
 */
final class AssistantGuardrail {
    static final String BLOCKED_INPUT = "Sorry, the Quillfeather assistant can only help with our products, not with that.";
    static final String BLOCKED_OUTPUT = "Sorry, the Quillfeather assistant cannot share that answer.";
    static final String TOPIC = "Investment advice";
    static final String COMPETITOR = "Brightwing";

    private AssistantGuardrail() {
    }

    static CreateGuardrailRequest request(String name) {
        return CreateGuardrailRequest.builder()
                .name(name)
                .description("Support assistant: no investment advice, no competitor talk, no contact details")
                .blockedInputMessaging(BLOCKED_INPUT)
                .blockedOutputsMessaging(BLOCKED_OUTPUT)
                // A denied topic is described in words, as to a person: a definition (at most 200
                // characters) and up to five example prompts (at most 100 characters each).
                .topicPolicyConfig(t -> t.topicsConfig(topic -> topic
                        .name(TOPIC)
                        .type(GuardrailTopicType.DENY)
                        .definition("Recommendations about buying, selling or holding stocks, bonds, cryptocurrency"
                                + " or other investments, and predictions of their prices.")
                        .examples("Should I buy shares in a sensor company?",
                                "Which cryptocurrency will go up this year?",
                                "Is now a good time to sell my stocks?")))
                // Exact words and phrases, matched whole; plus AWS's managed list of profanity.
                .wordPolicyConfig(w -> w
                        .wordsConfig(word -> word.text(COMPETITOR))
                        .managedWordListsConfig(list -> list.type(GuardrailManagedWordsType.PROFANITY)))
                // ANONYMIZE masks the match and lets the rest through; BLOCK would refuse the whole text.
                .sensitiveInformationPolicyConfig(s -> s.piiEntitiesConfig(
                        pii -> pii.type(GuardrailPiiEntityType.EMAIL).action(GuardrailSensitiveInformationAction.ANONYMIZE),
                        pii -> pii.type(GuardrailPiiEntityType.PHONE).action(GuardrailSensitiveInformationAction.ANONYMIZE)))
                .build();
    }
}
