package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Pass: its result is {@code Result}, else the Parameters' value, else its input (JSONata: Output, else input). */
final class PassStep implements Step {

    @Override
    public StateRun.Transition run(StateRun run) {
        StateSpec spec = run.spec;
        if (spec.jsonata()) {
            ObjectNode states = run.states(null, null);
            Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), null, states);
            JsonNode output = spec.has("Output") ? run.jsonata("Output", spec.field("Output"), states) : run.input;
            return run.exit(spec.next(), output, assigned);
        }
        JsonNode effective = run.effectiveInput();
        JsonNode result = spec.has("Result") ? spec.field("Result")
                : spec.has("Parameters") ? run.payload("Parameters", effective) : effective;
        Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), result, null);
        JsonNode output = run.outputPath(run.resultPath(run.resultPathField(), result));
        return run.exit(spec.next(), output, assigned);
    }
}
