package io.labrunner.labs.bedrockguardrails;

import io.labrunner.core.BedrockModels;
import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.bedrock.model.GetGuardrailResponse;
import software.amazon.awssdk.services.bedrock.model.GuardrailSummary;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/**
 * The lab's checks. Each finds the learner's guardrail by name, takes its newest numbered version
 * (what an application would pin), puts one sample text through it on Bedrock and judges what
 * Bedrock answered. When that fails, the check reads the version's configuration (GetGuardrail)
 * and tries the same text on the DRAFT, to say which it is: a policy missing, a policy that did not
 * match, the wrong action, or a fix made to the DRAFT and never published.
 */
final class GuardrailChecks {

    /** The learner's guardrail: its id and newest numbered version. */
    record Published(String id, String version) {
        String describe() {
            return "guardrail " + id + " version " + version;
        }
    }

    private GuardrailChecks() {
    }

    // ---- 0. a published version -----------------------------------------------------------------

    static CheckResult isPublished(LabContext ctx) {
        String name = BedrockGuardrailsLab.guardrailName(ctx);
        Optional<GuardrailSummary> draft = byName(ctx, name);
        if (draft.isEmpty()) {
            List<String> others = ctx.bedrock().listGuardrailsPaginator(r -> { }).guardrails().stream()
                    .map(GuardrailSummary::name).toList();
            return CheckResult.fail("no guardrail named " + name + (others.isEmpty() ? "; there is no guardrail at all"
                            : "; there are " + String.join(", ", others)),
                    others.isEmpty() ? "Create the guardrail (step 3 of the guide) with --name $GUARDRAIL_NAME."
                            : "A guardrail exists, but not under the lab's name: the check finds yours by its name, "
                                    + name + ".",
                    "eval \"$(./lab env bedrock-guardrails)\" sets $GUARDRAIL_NAME to " + name + "; create-guardrail"
                            + " --name $GUARDRAIL_NAME uses it.",
                    "Step 3: aws $ENDPOINT bedrock create-guardrail --name $GUARDRAIL_NAME --blocked-input-messaging … (the"
                            + " whole command is in the guide), then step 4 publishes version 1.");
        }
        Optional<Published> published = published(ctx);
        if (published.isEmpty()) {
            return CheckResult.fail("guardrail " + draft.get().id() + " (" + name + ") has only its DRAFT, no numbered version",
                    "The guardrail is not versioned: an application should call a numbered version, never the DRAFT.",
                    "The DRAFT is what you edit; anyone's next update-guardrail changes what it does. create-guardrail-version"
                            + " freezes it as version 1, 2…, which never changes, and the checks test that.",
                    "Step 4: aws $ENDPOINT bedrock create-guardrail-version --guardrail-identifier " + draft.get().id()
                            + " --description \"first release\"");
        }
        return CheckResult.pass(published.get().describe() + " (" + name + ")");
    }

    // ---- 1. the denied topic, in Converse -------------------------------------------------------

    static CheckResult deniedTopicBlockedInConverse(LabContext ctx) {
        Optional<Published> guardrail = published(ctx);
        if (guardrail.isEmpty()) {
            return notPublished(ctx);
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
        if (response.stopReason() == StopReason.GUARDRAIL_INTERVENED && text.equals(AssistantGuardrail.BLOCKED_INPUT)) {
            return CheckResult.pass(seen);
        }
        if (response.stopReason() == StopReason.GUARDRAIL_INTERVENED) {
            return CheckResult.fail(seen,
                    "Blocked — but the reply is not the lab's blocked-input message.",
                    "A blocked prompt is answered with the guardrail's blockedInputMessaging, word for word.",
                    "--blocked-input-messaging \"" + AssistantGuardrail.BLOCKED_INPUT + "\" (update-guardrail takes the whole"
                            + " configuration again; then create-guardrail-version).");
        }
        GetGuardrailResponse config = configuration(ctx, g.id(), g.version());
        String solution = "Step 3's --topic-policy-config: {\"topicsConfig\": [{\"name\": \"" + AssistantGuardrail.TOPIC
                + "\", \"type\": \"DENY\", \"definition\": \"Recommendations about buying, selling or holding stocks, bonds,"
                + " cryptocurrency…\", \"examples\": [\"Should I buy shares in a sensor company?\", …]}]}, then a new version.";
        if (passesOnDraft(ctx, g, GuardrailContentSource.INPUT, Samples.INVESTMENT_PROMPT,
                r -> r.action() == GuardrailAction.GUARDRAIL_INTERVENED)) {
            return unpublishedFix(seen, g, "blocks the investment prompt");
        }
        if (config.topicPolicy() == null || config.topicPolicy().topics().isEmpty()) {
            return CheckResult.fail(seen + "; version " + g.version() + " has no denied topic",
                    "The prompt reached the model: the guardrail has no denied topic.",
                    "A denied topic is a name, a definition in plain words and a few example prompts; a prompt on that"
                            + " topic is blocked before the model sees it.",
                    solution);
        }
        String topics = config.topicPolicy().topics().stream().map(t -> "'" + t.name() + "': " + t.definition()).toList().toString();
        return CheckResult.fail(seen + "; version " + g.version() + " denies " + topics + ", which did not match",
                "There is a denied topic, but it did not match \"" + Samples.INVESTMENT_PROMPT + "\": read its definition"
                        + " beside that prompt.",
                "A topic matches by meaning: the definition should name what is denied (buying, selling, holding stocks,"
                        + " cryptocurrency…) and the examples should look like the prompts users type.",
                solution);
    }

    // ---- 2. the word filter ---------------------------------------------------------------------

    static CheckResult competitorBlocked(LabContext ctx) {
        Optional<Published> guardrail = published(ctx);
        if (guardrail.isEmpty()) {
            return notPublished(ctx);
        }
        Published g = guardrail.get();
        Predicate<ApplyGuardrailResponse> byWord = r -> r.action() == GuardrailAction.GUARDRAIL_INTERVENED
                && r.assessments().stream().anyMatch(a -> a.wordPolicy() != null && a.wordPolicy().customWords().stream()
                        .anyMatch(w -> w.match().equalsIgnoreCase(AssistantGuardrail.COMPETITOR)));
        ApplyGuardrailResponse response = apply(ctx, g.id(), g.version(), GuardrailContentSource.INPUT, Samples.COMPETITOR_PROMPT);
        String seen = g.describe() + ": " + response.actionAsString() + " by " + policies(response);
        if (byWord.test(response) && output(response).equals(AssistantGuardrail.BLOCKED_INPUT)) {
            return CheckResult.pass(seen);
        }
        String solution = "Step 3's --word-policy-config '{\"wordsConfig\": [{\"text\": \"" + AssistantGuardrail.COMPETITOR
                + "\"}], \"managedWordListsConfig\": [{\"type\": \"PROFANITY\"}]}', then a new version.";
        if (byWord.test(response)) {
            return CheckResult.fail(seen + ", reply \"" + output(response) + "\"",
                    "The word filter matched, but the reply is not the lab's blocked-input message.",
                    "Blocked prompts are answered with blockedInputMessaging, word for word.",
                    "--blocked-input-messaging \"" + AssistantGuardrail.BLOCKED_INPUT + "\", then a new version.");
        }
        if (passesOnDraft(ctx, g, GuardrailContentSource.INPUT, Samples.COMPETITOR_PROMPT, byWord)) {
            return unpublishedFix(seen, g, "blocks '" + AssistantGuardrail.COMPETITOR + "'");
        }
        GetGuardrailResponse config = configuration(ctx, g.id(), g.version());
        List<String> words = config.wordPolicy() == null ? List.of()
                : config.wordPolicy().words().stream().map(w -> w.text()).toList();
        if (response.action() == GuardrailAction.GUARDRAIL_INTERVENED) {
            return CheckResult.fail(seen + "; the word filter holds " + words,
                    "The prompt was blocked, but not by the word filter: another policy caught it first.",
                    "The check wants the competitor's name stopped by the word filter itself, so it stays stopped whatever the"
                            + " topic says; your word list is " + words + ".",
                    solution);
        }
        return CheckResult.fail(seen + "; the word filter holds " + words,
                words.isEmpty() ? "The prompt passed: the guardrail has no custom words."
                        : "The prompt passed: none of the words " + words + " is '" + AssistantGuardrail.COMPETITOR + "'.",
                "A word filter blocks exact words or phrases, whole and in any case; a phrase longer than the name (or a"
                        + " misspelling) does not match the name alone.",
                solution);
    }

    // ---- 3. PII masking -------------------------------------------------------------------------

    static CheckResult piiMasked(LabContext ctx) {
        Optional<Published> guardrail = published(ctx);
        if (guardrail.isEmpty()) {
            return notPublished(ctx);
        }
        Published g = guardrail.get();
        Predicate<ApplyGuardrailResponse> masked = r -> r.action() == GuardrailAction.GUARDRAIL_INTERVENED
                && !output(r).isEmpty() && !output(r).contains(Samples.EMAIL) && !output(r).contains(Samples.PHONE)
                && !output(r).equals(AssistantGuardrail.BLOCKED_OUTPUT);
        ApplyGuardrailResponse response = apply(ctx, g.id(), g.version(), GuardrailContentSource.OUTPUT, Samples.ANSWER_WITH_PII);
        String out = response.outputs().isEmpty() ? Samples.ANSWER_WITH_PII : output(response);
        String seen = g.describe() + ": " + response.actionAsString() + ", \"" + out + "\"";
        if (masked.test(response)) {
            return CheckResult.pass(seen);
        }
        String solution = "Step 3's --sensitive-information-policy-config '{\"piiEntitiesConfig\": [{\"type\": \"EMAIL\","
                + " \"action\": \"ANONYMIZE\"}, {\"type\": \"PHONE\", \"action\": \"ANONYMIZE\"}]}', then a new version.";
        if (passesOnDraft(ctx, g, GuardrailContentSource.OUTPUT, Samples.ANSWER_WITH_PII, masked)) {
            return unpublishedFix(seen, g, "masks the answer");
        }
        GetGuardrailResponse config = configuration(ctx, g.id(), g.version());
        List<String> entities = config.sensitiveInformationPolicy() == null ? List.of()
                : config.sensitiveInformationPolicy().piiEntities().stream().map(p -> p.typeAsString() + " " + p.actionAsString())
                        .toList();
        String detail = seen + "; PII filters of version " + g.version() + ": " + entities;
        if (out.equals(AssistantGuardrail.BLOCKED_OUTPUT)) {
            return CheckResult.fail(detail,
                    "The whole answer was blocked, not masked: the PII action is BLOCK.",
                    "BLOCK refuses any text with the entity in it; ANONYMIZE replaces only the match ({EMAIL}, {PHONE}) and"
                            + " lets the rest of a useful answer through.",
                    solution);
        }
        if (entities.isEmpty()) {
            return CheckResult.fail(detail,
                    "The answer went out with the e-mail address and phone number: the guardrail has no sensitive-information"
                            + " filter.",
                    "PII filters name entity types (EMAIL, PHONE, …) and what to do with each: BLOCK or ANONYMIZE.",
                    solution);
        }
        List<String> left = new ArrayList<>();
        if (out.contains(Samples.EMAIL)) {
            left.add("the e-mail address (EMAIL)");
        }
        if (out.contains(Samples.PHONE)) {
            left.add("the phone number (PHONE)");
        }
        return CheckResult.fail(detail,
                "Part of the contact details went through: " + String.join(" and ", left) + ".",
                "Each entity type is its own entry in piiEntitiesConfig; the version has " + entities + ".",
                solution);
    }

    // ---- 4. clean text --------------------------------------------------------------------------

    static CheckResult cleanTextPasses(LabContext ctx) {
        Optional<Published> guardrail = published(ctx);
        if (guardrail.isEmpty()) {
            return notPublished(ctx);
        }
        Published g = guardrail.get();
        ApplyGuardrailResponse prompt = apply(ctx, g.id(), g.version(), GuardrailContentSource.INPUT, Samples.CLEAN_PROMPT);
        ApplyGuardrailResponse answer = apply(ctx, g.id(), g.version(), GuardrailContentSource.OUTPUT, Samples.CLEAN_ANSWER);
        String seen = g.describe() + ": prompt " + prompt.actionAsString() + ", answer " + answer.actionAsString();
        if (prompt.action() == GuardrailAction.NONE && answer.action() == GuardrailAction.NONE) {
            return CheckResult.pass(seen);
        }
        ApplyGuardrailResponse stopped = prompt.action() == GuardrailAction.NONE ? answer : prompt;
        String which = stopped == prompt ? "\"" + Samples.CLEAN_PROMPT + "\"" : "\"" + Samples.CLEAN_ANSWER + "\"";
        String by = policies(stopped);
        String detail = seen + "; " + which + " was stopped by " + by;
        if (by.contains("denied topic")) {
            return CheckResult.fail(detail,
                    "The denied topic stops an ordinary support question: it is defined too broadly.",
                    "A topic matches by meaning. A definition or an example about products, batteries or support in general"
                            + " pulls ordinary questions in; keep it to investments (stocks, bonds, crypto, prices).",
                    "Step 3's definition and examples, word for word, then a new version.");
        }
        if (by.contains("word filter")) {
            return CheckResult.fail(detail,
                    "The word filter stops clean text: one of its words is an everyday word here.",
                    "Word filters match whole words anywhere in the text; a word like 'probe' or 'battery' blocks half of all"
                            + " support questions. Keep the list to the competitor's name.",
                    "Step 3's --word-policy-config with only \"" + AssistantGuardrail.COMPETITOR + "\" and PROFANITY, then a"
                            + " new version.");
        }
        return CheckResult.fail(detail,
                "Clean text was stopped by " + by + ": look at that policy's settings.",
                "The sample holds no contact details, no competitor and no investment talk; a filter that stops it will stop"
                        + " your users.",
                "Step 3's configuration as the guide gives it, then a new version.");
    }

    // ---- shared ---------------------------------------------------------------------------------

    static ApplyGuardrailResponse apply(LabContext ctx, String id, String version, GuardrailContentSource source, String text) {
        return ctx.bedrockRuntime().applyGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion(version).source(source)
                .content(c -> c.text(t -> t.text(text))));
    }

    /** The guardrail named for this run and its highest version number, if it has one. */
    static Optional<Published> published(LabContext ctx) {
        Optional<GuardrailSummary> draft = byName(ctx, BedrockGuardrailsLab.guardrailName(ctx));
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

    private static Optional<GuardrailSummary> byName(LabContext ctx, String name) {
        return ctx.bedrock().listGuardrailsPaginator(r -> { }).guardrails().stream()
                .filter(g -> g.name().equals(name)).findFirst();
    }

    private static GetGuardrailResponse configuration(LabContext ctx, String id, String version) {
        return ctx.bedrock().getGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion(version));
    }

    /** Whether the DRAFT already does what the published version does not. */
    private static boolean passesOnDraft(LabContext ctx, Published g, GuardrailContentSource source, String text,
                                         Predicate<ApplyGuardrailResponse> passes) {
        return passes.test(apply(ctx, g.id(), "DRAFT", source, text));
    }

    private static CheckResult unpublishedFix(String seen, Published g, String what) {
        return CheckResult.fail(seen + "; the DRAFT " + what + ", version " + g.version() + " does not",
                "Your DRAFT " + what + ", but version " + g.version() + " — the one applications call — does not: the change"
                        + " was never published.",
                "update-guardrail changes only the DRAFT; a numbered version is frozen when it is created.",
                "aws $ENDPOINT bedrock create-guardrail-version --guardrail-identifier " + g.id()
                        + " --description \"with the fix\"");
    }

    private static CheckResult notPublished(LabContext ctx) {
        return CheckResult.fail("no guardrail " + BedrockGuardrailsLab.guardrailName(ctx) + " with a numbered version",
                "Nothing to test yet: the first check says what is missing.",
                "The checks test the newest numbered version of the guardrail named $GUARDRAIL_NAME.",
                "Steps 3 and 4 of the guide: create-guardrail, then create-guardrail-version.");
    }

    /** The policies that intervened, in words: "denied topic 'X'", "word filter 'Y'", "PII EMAIL"… */
    static String policies(ApplyGuardrailResponse response) {
        List<String> by = new ArrayList<>();
        for (GuardrailAssessment a : response.assessments()) {
            if (a.topicPolicy() != null) {
                a.topicPolicy().topics().forEach(t -> by.add("denied topic '" + t.name() + "'"));
            }
            if (a.wordPolicy() != null) {
                a.wordPolicy().customWords().forEach(w -> by.add("word filter '" + w.match() + "'"));
                a.wordPolicy().managedWordLists().forEach(w -> by.add("word filter (profanity) '" + w.match() + "'"));
            }
            if (a.sensitiveInformationPolicy() != null) {
                a.sensitiveInformationPolicy().piiEntities().forEach(p -> by.add("PII " + p.typeAsString() + " "
                        + p.actionAsString()));
                a.sensitiveInformationPolicy().regexes().forEach(p -> by.add("regex '" + p.name() + "'"));
            }
            if (a.contentPolicy() != null) {
                a.contentPolicy().filters().forEach(f -> by.add("content filter " + f.typeAsString()));
            }
        }
        return by.isEmpty() ? "no policy" : String.join(", ", by);
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
