package io.labrunner.labs.bedrockguardrails;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GuardrailStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;

/**
 * A guardrail for a support assistant: a denied topic, a word filter and PII masking, published as
 * an immutable numbered version, then put in front of a model (Converse's guardrailConfig) and
 * applied on its own (ApplyGuardrail) to prompts and answers.
 */
public final class BedrockGuardrailsLab implements Lab {
    static final String ID = "bedrock-guardrails";

    @Override
    public LabInfo info() {
        return new LabInfo(
                ID,
                "Keep an assistant on topic and its answers free of contact details with a Bedrock guardrail",
                "Create a guardrail that denies investment advice, blocks a competitor's name and profanity, and masks"
                        + " e-mail addresses and phone numbers; publish a version; then watch it block a prompt in"
                        + " Converse, mask an answer with ApplyGuardrail, and let ordinary questions through untouched.",
                "4 ML Solution Monitoring, Maintenance, and Security",
                "4.3 Secure AWS resources",
                List.of("Amazon Bedrock"),
                30,
                "< $0.01",
                Set.of(Capability.BEDROCK_GUARDRAILS, Capability.BEDROCK_TEXT));
    }

    /** The guardrail's name; names are the ledger's handle, ids are AWS's. */
    static String guardrailName(RunNames run) {
        return run.name("assistant-guardrail");
    }

    /**
     * The names the guide's commands use. The guardrail's id is AWS's, known only once it exists, so
     * it is not a name here: the guide reads it with {@code --query}.
     */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("GUARDRAIL_NAME", guardrailName(run));
        return names;
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        // Nothing to provision: the guardrail is the learner's task. Setup only names it.
        ctx.note("Create a guardrail named " + guardrailName(ctx) + " and publish a version of it");
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        BedrockClient bedrock = ctx.bedrock();
        String name = guardrailName(ctx);
        AtomicReference<String> id = new AtomicReference<>();
        ctx.step("Create guardrail " + name + " and wait until it is READY", () -> {
            id.set(ctx.create(Resource.guardrail(name), () -> bedrock.createGuardrail(AssistantGuardrail.request(name)).guardrailId()));
            waitUntilReady(ctx, id.get(), "DRAFT");
        });
        AtomicReference<String> version = new AtomicReference<>();
        ctx.step("Publish version 1 of the guardrail", () -> {
            // The DRAFT can still change; applications should name a numbered version, which never does.
            version.set(bedrock.createGuardrailVersion(r -> r.guardrailIdentifier(id.get())
                    .description("first release")).version());
            waitUntilReady(ctx, id.get(), version.get());
        });
        ctx.note("guardrail " + id.get() + ", version " + version.get());
        ctx.step("Apply the guardrail to three prompts and two answers", () -> {
            for (String prompt : List.of(Samples.INVESTMENT_PROMPT, Samples.COMPETITOR_PROMPT, Samples.CLEAN_PROMPT)) {
                show(ctx, id.get(), version.get(), GuardrailContentSource.INPUT, prompt);
            }
            for (String answer : List.of(Samples.ANSWER_WITH_PII, Samples.CLEAN_ANSWER)) {
                show(ctx, id.get(), version.get(), GuardrailContentSource.OUTPUT, answer);
            }
        });
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("The guardrail is published as a numbered version", GuardrailChecks::isPublished),
                Check.of("A prompt asking for investment advice is blocked in Converse with the configured message",
                        GuardrailChecks::deniedTopicBlockedInConverse),
                Check.of("A prompt naming the competitor is blocked by the word filter", GuardrailChecks::competitorBlocked),
                Check.of("E-mail addresses and phone numbers in an answer are masked", GuardrailChecks::piiMasked),
                Check.of("A clean prompt and a clean answer pass unchanged", GuardrailChecks::cleanTextPasses));
    }

    private static void show(LabContext ctx, String id, String version, GuardrailContentSource source, String text) {
        ApplyGuardrailResponse response = GuardrailChecks.apply(ctx, id, version, source, text);
        String out = response.outputs().isEmpty() ? text : response.outputs().get(0).text();
        ctx.note(source + " \"" + text + "\" → " + response.action() + (response.outputs().isEmpty() ? "" : ": \"" + out + "\""));
    }

    /** New guardrails and versions are CREATING for a moment on AWS; they can be used once READY. */
    private static void waitUntilReady(LabContext ctx, String id, String version) {
        ctx.waitFor("guardrail " + id + " version " + version + " to be READY", Duration.ofMinutes(2), Duration.ofSeconds(1), () -> {
            GuardrailStatus status = ctx.bedrock().getGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion(version)).status();
            if (status == GuardrailStatus.FAILED) {
                throw new IllegalStateException("guardrail " + id + " version " + version + " FAILED");
            }
            return status == GuardrailStatus.READY ? Optional.of(status) : Optional.empty();
        });
    }
}
