package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.GuardrailConfig.Source;
import io.labrunner.emulator.bedrock.text.Generation;
import io.labrunner.emulator.bedrock.text.Prompt;
import io.labrunner.emulator.bedrock.text.TextModel;
import java.util.List;

/**
 * Text generation wrapped in a guardrail, as Bedrock applies {@code guardrailConfig}
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-use-converse-api.html): the input
 * (the {@code guardContent} blocks if any, else the last user message) is assessed first; a blocked
 * input is answered with the guardrail's blocked-input message without calling the model, masked
 * input reaches the model masked. The model's answer is assessed as output; a blocked answer is
 * replaced by the blocked-output message, a masked one by its masked text. Either intervention ends
 * with stop reason {@code guardrail_intervened}.
 */
final class GuardedGeneration {
    static final String INTERVENED = "guardrail_intervened";

    private final TextModel model;
    private final GuardrailGate gate;

    GuardedGeneration(TextModel model, GuardrailGate gate) {
        this.model = model;
        this.gate = gate;
    }

    /**
     * What the caller gets back.
     *
     * @param generation  the model's generation with the final text (token counts are the model's)
     * @param intervened  whether a guardrail blocked or masked the input or output
     * @param trace       {@code trace.guardrail} when tracing was asked for, else null
     */
    record Answer(Generation generation, boolean intervened, ObjectNode trace) {

        String stopReason() {
            return intervened ? INTERVENED : generation.stopReason().wireName();
        }
    }

    Answer generate(Prompt prompt, GuardrailRequest guardrail, List<String> guardContent) {
        if (guardrail == null) {
            return new Answer(model.generate(prompt), false, null);
        }
        String id = guardrailId(guardrail.identifier());
        ObjectNode trace = Json.object();
        List<String> inputs = guardContent.isEmpty() ? List.of(prompt.lastUserText()) : guardContent;
        GuardrailVerdict input = GuardrailVerdict.of(gate.apply(guardrail.identifier(), guardrail.version(), Source.INPUT, inputs));
        trace.putObject("inputAssessment").set(id, input.assessment());
        if (input.blocked()) {
            trace.put("actionReason", "Guardrail blocked.");
            Generation blocked = new Generation(input.outputs().get(0), 0, 0, Generation.StopReason.END_TURN, null);
            return new Answer(blocked, true, guardrail.trace() ? trace : null);
        }
        Prompt guarded = input.intervened() && guardContent.isEmpty() ? prompt.withLastUserText(input.outputs().get(0)) : prompt;
        Generation generation = model.generate(guarded);
        GuardrailVerdict output = GuardrailVerdict.of(
                gate.apply(guardrail.identifier(), guardrail.version(), Source.OUTPUT, List.of(generation.text())));
        trace.putObject("outputAssessments").putArray(id).add(output.assessment());
        if (!output.intervened()) {
            return new Answer(generation, input.intervened(), guardrail.trace() ? trace : null);
        }
        trace.putArray("modelOutput").add(generation.text());
        trace.put("actionReason", output.blocked() ? "Guardrail blocked." : "Guardrail masked.");
        Generation replaced = new Generation(output.outputs().get(0), generation.inputTokens(), generation.outputTokens(),
                generation.stopReason(), generation.stopSequence());
        return new Answer(replaced, true, guardrail.trace() ? trace : null);
    }

    /** Traces key assessments by guardrail id, also when the request named the guardrail by ARN. */
    private static String guardrailId(String identifier) {
        int slash = identifier.lastIndexOf('/');
        return slash < 0 ? identifier : identifier.substring(slash + 1);
    }
}
