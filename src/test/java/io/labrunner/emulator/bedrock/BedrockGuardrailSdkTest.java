package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ConflictException;
import software.amazon.awssdk.services.bedrock.model.CreateGuardrailResponse;
import software.amazon.awssdk.services.bedrock.model.GetGuardrailResponse;
import software.amazon.awssdk.services.bedrock.model.GuardrailContentFilterType;
import software.amazon.awssdk.services.bedrock.model.GuardrailFilterStrength;
import software.amazon.awssdk.services.bedrock.model.GuardrailManagedWordsType;
import software.amazon.awssdk.services.bedrock.model.GuardrailPiiEntityType;
import software.amazon.awssdk.services.bedrock.model.GuardrailSensitiveInformationAction;
import software.amazon.awssdk.services.bedrock.model.GuardrailSummary;
import software.amazon.awssdk.services.bedrock.model.GuardrailTopicType;
import software.amazon.awssdk.services.bedrock.model.ListGuardrailsResponse;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTextBlock;

/** Guardrails through the SDK v2 Bedrock and Bedrock Runtime clients and the emulator's front door. */
class BedrockGuardrailSdkTest {
    private static Emulator emulator;
    private static BedrockClient bedrock;
    private static BedrockRuntimeClient runtime;

    @BeforeAll
    static void start() {
        // The built-in Bedrock service, as every emulator serves it.
        emulator = Emulator.builder().port(0).build().start();
        bedrock = EmulatorClients.pointedAt(BedrockClient.builder(), emulator).build();
        runtime = EmulatorClients.pointedAt(BedrockRuntimeClient.builder(), emulator).build();
    }

    @AfterAll
    static void stop() {
        bedrock.close();
        runtime.close();
        emulator.close();
    }

    private static CreateGuardrailResponse createGuardrail(String name) {
        return bedrock.createGuardrail(r -> r.name(name)
                .blockedInputMessaging("Sorry, I cannot discuss that.")
                .blockedOutputsMessaging("Sorry, the answer was withheld.")
                .topicPolicyConfig(t -> t.topicsConfig(c -> c.name("Investment advice").type(GuardrailTopicType.DENY)
                        .definition("Guidance or recommendations about investing money in stocks, bonds or funds.")
                        .examples("Which stocks should I buy?", "Should I invest in bonds?")))
                .contentPolicyConfig(c -> c.filtersConfig(f -> f.type(GuardrailContentFilterType.INSULTS)
                        .inputStrength(GuardrailFilterStrength.HIGH).outputStrength(GuardrailFilterStrength.HIGH)))
                .wordPolicyConfig(w -> w.wordsConfig(x -> x.text("Project Falcon"))
                        .managedWordListsConfig(m -> m.type(GuardrailManagedWordsType.PROFANITY)))
                .sensitiveInformationPolicyConfig(s -> s
                        .piiEntitiesConfig(p -> p.type(GuardrailPiiEntityType.EMAIL)
                                .action(GuardrailSensitiveInformationAction.ANONYMIZE),
                                p -> p.type(GuardrailPiiEntityType.US_SOCIAL_SECURITY_NUMBER)
                                        .action(GuardrailSensitiveInformationAction.BLOCK))
                        .regexesConfig(x -> x.name("EMPLOYEE_ID").pattern("EMP-\\d{5}")
                                .action(GuardrailSensitiveInformationAction.ANONYMIZE))));
    }

    private static String uniqueName() {
        return "g-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ApplyGuardrailResponse apply(String id, String version, GuardrailContentSource source, String text) {
        return runtime.applyGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion(version).source(source)
                .content(GuardrailContentBlock.fromText(GuardrailTextBlock.builder().text(text).build())));
    }

    @Test
    void aCreatedGuardrailIsReadBackWithItsPoliciesAsDraft() {
        String name = uniqueName();
        CreateGuardrailResponse created = createGuardrail(name);

        GetGuardrailResponse got = bedrock.getGuardrail(r -> r.guardrailIdentifier(created.guardrailArn()));

        assertThat(created.version()).isEqualTo("DRAFT");
        assertThat(created.guardrailArn()).endsWith(":guardrail/" + created.guardrailId());
        assertThat(got.name()).isEqualTo(name);
        assertThat(got.version()).isEqualTo("DRAFT");
        assertThat(got.statusAsString()).isEqualTo("READY");
        assertThat(got.createdAt()).isNotNull();
        assertThat(got.topicPolicy().topics().get(0).examples()).containsExactly(
                "Which stocks should I buy?", "Should I invest in bonds?");
        assertThat(got.contentPolicy().filters().get(0).inputStrength()).isEqualTo(GuardrailFilterStrength.HIGH);
        assertThat(got.wordPolicy().managedWordLists().get(0).type()).isEqualTo(GuardrailManagedWordsType.PROFANITY);
        assertThat(got.sensitiveInformationPolicy().piiEntities()).hasSize(2);
        assertThat(got.sensitiveInformationPolicy().regexes().get(0).pattern()).isEqualTo("EMP-\\d{5}");
    }

    @Test
    void versionsAreNumberedSnapshotsListedUnderTheirGuardrail() {
        String id = createGuardrail(uniqueName()).guardrailId();

        String first = bedrock.createGuardrailVersion(r -> r.guardrailIdentifier(id).description("first")).version();
        String second = bedrock.createGuardrailVersion(r -> r.guardrailIdentifier(id)).version();

        assertThat(first).isEqualTo("1");
        assertThat(second).isEqualTo("2");
        assertThat(bedrock.getGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion("1")).description())
                .isEqualTo("first");
        assertThat(bedrock.listGuardrails(r -> r.guardrailIdentifier(id)).guardrails())
                .extracting(GuardrailSummary::version).containsExactly("DRAFT", "1", "2");
        assertThat(bedrock.listGuardrails(r -> { }).guardrails()).extracting(GuardrailSummary::id).contains(id);
    }

    @Test
    void listingPagesThroughEveryGuardrail() {
        String id = createGuardrail(uniqueName()).guardrailId();
        bedrock.createGuardrailVersion(r -> r.guardrailIdentifier(id));

        ListGuardrailsResponse first = bedrock.listGuardrails(r -> r.guardrailIdentifier(id).maxResults(1));
        ListGuardrailsResponse second = bedrock.listGuardrails(r -> r.guardrailIdentifier(id).maxResults(1).nextToken(first.nextToken()));

        assertThat(first.guardrails()).extracting(GuardrailSummary::version).containsExactly("DRAFT");
        assertThat(second.guardrails()).extracting(GuardrailSummary::version).containsExactly("1");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void aDeniedTopicIsBlockedWithTheConfiguredMessage() {
        String id = createGuardrail(uniqueName()).guardrailId();

        ApplyGuardrailResponse response = apply(id, "DRAFT", GuardrailContentSource.INPUT,
                "Which stocks should I invest my savings in?");

        assertThat(response.action()).isEqualTo(GuardrailAction.GUARDRAIL_INTERVENED);
        assertThat(response.outputs().get(0).text()).isEqualTo("Sorry, I cannot discuss that.");
        assertThat(response.assessments().get(0).topicPolicy().topics().get(0).name()).isEqualTo("Investment advice");
        assertThat(response.usage().topicPolicyUnits()).isEqualTo(1);
    }

    @Test
    void piiInAnAnswerIsMaskedByAPublishedVersion() {
        String id = createGuardrail(uniqueName()).guardrailId();
        bedrock.createGuardrailVersion(r -> r.guardrailIdentifier(id));

        ApplyGuardrailResponse response = apply(id, "1", GuardrailContentSource.OUTPUT,
                "Contact jane@example.com or EMP-12345.");

        assertThat(response.action()).isEqualTo(GuardrailAction.GUARDRAIL_INTERVENED);
        assertThat(response.outputs().get(0).text()).isEqualTo("Contact {EMAIL} or {EMPLOYEE_ID}.");
        assertThat(response.assessments().get(0).sensitiveInformationPolicy().piiEntities().get(0).typeAsString())
                .isEqualTo("EMAIL");
    }

    @Test
    void theRuntimeAcceptsTheGuardrailArnAsIdentifier() {
        CreateGuardrailResponse created = createGuardrail(uniqueName());

        ApplyGuardrailResponse response = apply(created.guardrailArn(), "DRAFT", GuardrailContentSource.INPUT,
                "Tell me about Project Falcon");

        assertThat(response.action()).isEqualTo(GuardrailAction.GUARDRAIL_INTERVENED);
        assertThat(response.assessments().get(0).wordPolicy().customWords().get(0).match()).isEqualTo("Project Falcon");
    }

    @Test
    void cleanTextPassesUnchanged() {
        String id = createGuardrail(uniqueName()).guardrailId();

        ApplyGuardrailResponse response = apply(id, "DRAFT", GuardrailContentSource.INPUT, "What is the capital of France?");

        assertThat(response.action()).isEqualTo(GuardrailAction.NONE);
        assertThat(response.outputs()).isEmpty();
    }

    @Test
    void profanityAndBlockedPiiAreBlocked() {
        String id = createGuardrail(uniqueName()).guardrailId();

        assertThat(apply(id, "DRAFT", GuardrailContentSource.INPUT, "This is crap").outputs().get(0).text())
                .isEqualTo("Sorry, I cannot discuss that.");
        assertThat(apply(id, "DRAFT", GuardrailContentSource.OUTPUT, "Her SSN is 123-45-6789").outputs().get(0).text())
                .isEqualTo("Sorry, the answer was withheld.");
    }

    @Test
    void aSecondGuardrailWithTheSameNameConflicts() {
        String name = uniqueName();
        createGuardrail(name);

        assertThatThrownBy(() -> createGuardrail(name)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anInvalidNameOrMissingMessageIsAValidationError() {
        assertThatThrownBy(() -> createGuardrail("not a valid name!")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> bedrock.createGuardrail(r -> r.name(uniqueName()).blockedOutputsMessaging("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("blockedInputMessaging");
    }

    @Test
    void aDeletedGuardrailIsNotFoundAnyMore() {
        String id = createGuardrail(uniqueName()).guardrailId();

        bedrock.deleteGuardrail(r -> r.guardrailIdentifier(id));

        assertThatThrownBy(() -> bedrock.getGuardrail(r -> r.guardrailIdentifier(id)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> apply(id, "DRAFT", GuardrailContentSource.INPUT, "hello"))
                .isInstanceOf(software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException.class);
    }

    @Test
    void anUnpublishedVersionIsNotFound() {
        String id = createGuardrail(uniqueName()).guardrailId();

        assertThatThrownBy(() -> bedrock.getGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion("7")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
