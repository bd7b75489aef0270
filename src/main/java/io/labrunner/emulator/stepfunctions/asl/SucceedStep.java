package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Succeed: ends its states with its input, through InputPath and OutputPath (JSONata: Output). */
final class SucceedStep implements Step {

    @Override
    public StateRun.Transition run(StateRun run) {
        StateSpec spec = run.spec;
        if (spec.jsonata()) {
            ObjectNode states = run.states(null, null);
            Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), null, states);
            JsonNode output = spec.has("Output") ? run.jsonata("Output", spec.field("Output"), states) : run.input;
            return run.exit(null, output, assigned);
        }
        return run.exit(null, run.outputPath(run.effectiveInput()), null);
    }
}
