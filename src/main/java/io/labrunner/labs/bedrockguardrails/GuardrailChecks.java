package io.labrunner.labs.bedrockguardrails;

import io.labrunner.core.BedrockModels;
import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.util.Comparator;
import java.util.Optional;
import software.amazon.awssdk.services.bedrock.model.GuardrailSummary;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/**
 * The lab's checks. Each finds the learner's guardrail by name, takes its newest numbered version
 * (what an application would pin) and puts one sample text through it.
 */
final class GuardrailChecks {
    private static final String CREATE_IT = "Create the guardrail as in the guide (denied topic, word filter, PII masking)"
            + " and publish a version with CreateGuardrailVersion.";

    /** The learner's guardrail: its id and newest numbered version. */
    record Published(String id, String version) {
        String describe() {
            return "guardrail " + id + " version " + version;
        }
    }

    private GuardrailChecks() {
    }

    static CheckResult deniedTopicBlockedInConverse(LabContext ctx) {
        Optional<Published> guardrail = published(ctx);
        if (guardrail.isEmpty()) {
            return missing(ctx);
        }
        Published g = guardrail.get();
        BedrockModels.Chosen model = BedrockModels.of(ctx).choose(BedrockModels.Use.TEXT);
        ConverseResponse response = model.invoke(() -> ctx.bedrockRuntime().converse(r -> r.modelId(model.id())
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText(Samples.INVESTMENT_PROMPT)).build())
                .guardrailConfig(c -> c.guardrailIdentifier(g.id()).guardrailVersion(g.version()))));
        String text = text(response);
        String seen = g.describe() + " in front of " + model.id() + ": stop reason " + response.stopReasonAsString()
                + ", reply \"" + text + "\"";
        if (response.stopReason() != StopReason.GUARDRAIL_INTERVENED || !text.equals(AssistantGuardrail.BLOCKED_INPUT)) {
            return CheckResult.fail(seen, "Deny the topic '" + AssistantGuardrail.TOPIC + "' with a definition and example"
                    + " prompts, set blockedInputMessaging, and publish a new version after changing the DRAFT.");
        }
        return CheckResult.pass(seen);
    }

    static CheckResult competitorBlocked(LabContext ctx) {
        Optional<Published> guardrail = published(ctx);
        if (guardrail.isEmpty()) {
            return missing(ctx);
        }
        ApplyGuardrailResponse response = apply(ctx, guardrail.get().id(), guardrail.get().version(),
                GuardrailContentSource.INPUT, Samples.COMPETITOR_PROMPT);
        boolean byWord = response.assessments().stream().anyMatch(a -> a.wordPolicy() != null
                && a.wordPolicy().customWords().stream().anyMatch(w -> w.match().equalsIgnoreCase(AssistantGuardrail.COMPETITOR)));
        String seen = guardrail.get().describe() + ": " + response.actionAsString() + ", word filter matched "
                + AssistantGuardrail.COMPETITOR + ": " + byWord;
        if (response.action() != GuardrailAction.GUARDRAIL_INTERVENED || !byWord
                || !output(response).equals(AssistantGuardrail.BLOCKED_INPUT)) {
            return CheckResult.fail(seen, "Add '" + AssistantGuardrail.COMPETITOR + "' to the word filter (wordsConfig)"
                    + " and publish a new version.");
        }
        return CheckResult.pass(seen);
    }

    static CheckResult piiMasked(LabContext ctx) {
        Optional<Published> guardrail = published(ctx);
        if (guardrail.isEmpty()) {
            return missing(ctx);
        }
        ApplyGuardrailResponse response = apply(ctx, guardrail.get().id(), guardrail.get().version(),
                GuardrailContentSource.OUTPUT, Samples.ANSWER_WITH_PII);
        String masked = output(response);
        String seen = guardrail.get().describe() + ": " + response.actionAsString() + ", \"" + masked + "\"";
        if (response.action() != GuardrailAction.GUARDRAIL_INTERVENED || masked.isEmpty()
                || masked.contains(Samples.EMAIL) || masked.contains(Samples.PHONE)) {
            return CheckResult.fail(seen, "Add EMAIL and PHONE to the sensitive-information filters with the action"
                    + " ANONYMIZE (BLOCK would refuse the whole answer) and publish a new version.");
        }
        return CheckResult.pass(seen);
    }

    static CheckResult cleanTextPasses(LabContext ctx) {
        Optional<Published> guardrail = published(ctx);
        if (guardrail.isEmpty()) {
            return missing(ctx);
        }
        ApplyGuardrailResponse prompt = apply(ctx, guardrail.get().id(), guardrail.get().version(),
                GuardrailContentSource.INPUT, Samples.CLEAN_PROMPT);
        ApplyGuardrailResponse answer = apply(ctx, guardrail.get().id(), guardrail.get().version(),
                GuardrailContentSource.OUTPUT, Samples.CLEAN_ANSWER);
        String seen = guardrail.get().describe() + ": prompt " + prompt.actionAsString() + ", answer " + answer.actionAsString();
        if (prompt.action() != GuardrailAction.NONE || answer.action() != GuardrailAction.NONE) {
            return CheckResult.fail(seen, "The guardrail stops ordinary support questions: narrow the denied topic's"
                    + " definition and examples, or the word list.");
        }
        return CheckResult.pass(seen);
    }

    static ApplyGuardrailResponse apply(LabContext ctx, String id, String version, GuardrailContentSource source, String text) {
        return ctx.bedrockRuntime().applyGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion(version).source(source)
                .content(c -> c.text(t -> t.text(text))));
    }

    /** The guardrail named for this run and its highest version number, if it has one. */
    static Optional<Published> published(LabContext ctx) {
        String name = BedrockGuardrailsLab.guardrailName(ctx);
        Optional<GuardrailSummary> draft = ctx.bedrock().listGuardrailsPaginator(r -> { }).guardrails().stream()
                .filter(g -> g.name().equals(name)).findFirst();
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        String id = draft.get().id();
        return ctx.bedrock().listGuardrailsPaginator(r -> r.guardrailIdentifier(id)).guardrails().stream()
                .map(GuardrailSummary::version)
                .filter(v -> v.matches("[0-9]+"))
                .max(Comparator.comparingInt(Integer::parseInt))
                .map(v -> new Published(id, v));
    }

    private static CheckResult missing(LabContext ctx) {
        return CheckResult.fail("no guardrail " + BedrockGuardrailsLab.guardrailName(ctx) + " with a numbered version",
                CREATE_IT);
    }

    private static String output(ApplyGuardrailResponse response) {
        return response.outputs().isEmpty() ? "" : response.outputs().get(0).text();
    }

    private static String text(ConverseResponse response) {
        StringBuilder text = new StringBuilder();
        response.output().message().content().stream().filter(b -> b.text() != null).forEach(b -> text.append(b.text()));
        return text.toString().strip();
    }
}
