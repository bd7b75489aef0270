package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;

/** Fail: fails its states with Error and Cause (or ErrorPath and CausePath, or JSONata expressions). */
final class FailStep implements Step {

    @Override
    public StateRun.Transition run(StateRun run) {
        throw new StateFailure(text(run, "Error"), text(run, "Cause"));
    }

    private static String text(StateRun run, String field) {
        StateSpec spec = run.spec;
        JsonNode value;
        if (spec.jsonata()) {
            if (!spec.has(field)) {
                return null;
            }
            ObjectNode states = run.states(null, null);
            value = run.jsonata(field, spec.field(field), states);
        } else if (spec.has(field + "Path")) {
            String path = spec.text(field + "Path");
            // ErrorPath and CausePath may also be intrinsic functions: evaluate them as a one-field template.
            ObjectNode template = Json.object().put("value.$", path);
            value = path.startsWith("$")
                    ? Expressions.path(run, run.input, path)
                    : run.payloadOf(field + "Path", template, run.input).get("value");
        } else {
            value = spec.field(field);
        }
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : Events.text(value);
    }
}
