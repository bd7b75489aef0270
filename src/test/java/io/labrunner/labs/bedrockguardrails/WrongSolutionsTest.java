package io.labrunner.labs.bedrockguardrails;

import static io.labrunner.testing.WrongSolution.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Lab;
import io.labrunner.testing.WrongSolution;
import io.labrunner.core.LabContext;
import io.labrunner.core.Resource;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrock.model.CreateGuardrailRequest;
import software.amazon.awssdk.services.bedrock.model.GuardrailSensitiveInformationAction;
import software.amazon.awssdk.services.bedrock.model.GuardrailPiiEntityType;

/**
 * Plausible wrong guardrails, on the embedded emulator: each fails the check that judges what it
 * got wrong, with a first hint that names that mistake, while what it got right still passes.
 */
class WrongSolutionsTest {
    private static EmbeddedEmulator emulator;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aGuardrailWithoutThePiiFilterLetsContactDetailsOutAndIsToldSo() {
        LabResult result = run(ctx -> {
            String id = create(ctx, r -> r.toBuilder().sensitiveInformationPolicyConfig((software.amazon.awssdk.services.bedrock
                    .model.GuardrailSensitiveInformationPolicyConfig) null).build());
            publish(ctx, id);
        });

        CheckOutcome pii = outcome(result, "masked");
        assertThat(pii.passed()).isFalse();
        assertThat(pii.hint()).contains("no sensitive-information filter");
        assertThat(pii.hints().get(2)).contains("ANONYMIZE");
        assertThat(outcome(result, "investment").passed()).isTrue();
        assertThat(outcome(result, "competitor").passed()).isTrue();
    }

    @Test
    void piiSetToBlockRefusesTheWholeAnswerInsteadOfMaskingIt() {
        LabResult result = run(ctx -> publish(ctx, create(ctx, r -> r.toBuilder().sensitiveInformationPolicyConfig(s -> s
                .piiEntitiesConfig(p -> p.type(GuardrailPiiEntityType.EMAIL).action(GuardrailSensitiveInformationAction.BLOCK),
                        p -> p.type(GuardrailPiiEntityType.PHONE).action(GuardrailSensitiveInformationAction.BLOCK))).build())));

        CheckOutcome pii = outcome(result, "masked");
        assertThat(pii.passed()).isFalse();
        assertThat(pii.hint()).contains("blocked, not masked");
    }

    @Test
    void aGuardrailLeftAsItsDraftIsNotVersioned() {
        LabResult result = run(ctx -> create(ctx, UnaryOperator.identity()));

        CheckOutcome published = outcome(result, "numbered version");
        assertThat(published.passed()).isFalse();
        assertThat(published.detail()).contains("has only its DRAFT");
        assertThat(published.hint()).contains("not versioned");
        assertThat(published.hints().get(2)).contains("create-guardrail-version");
    }

    // ---- the wrong solutions' parts -------------------------------------------------------------

    interface Solve {
        void solve(LabContext ctx) throws Exception;
    }

    private static String create(LabContext ctx, UnaryOperator<CreateGuardrailRequest> change) {
        String name = BedrockGuardrailsLab.guardrailName(ctx);
        return ctx.create(Resource.guardrail(name),
                () -> ctx.bedrock().createGuardrail(change.apply(AssistantGuardrail.request(name))).guardrailId());
    }

    private static void publish(LabContext ctx, String id) {
        ctx.bedrock().createGuardrailVersion(r -> r.guardrailIdentifier(id));
    }

    private LabResult run(Solve wrong) {
        BedrockGuardrailsLab lab = new BedrockGuardrailsLab();
        Lab wrongLab = new WrongSolution(lab, wrong::solve);
        return emulator.runner(new StateDirectory(home)).run(wrongLab, false);
    }

}
