package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Choice: the first rule that matches names the next state, else {@code Default}, else the state fails with
 * States.NoChoiceMatched. JSONPath rules are evaluated over the effective input; JSONata rules are
 * {@code Condition} expressions and may carry their own Output and Assign.
 */
final class ChoiceStep implements Step {

    @Override
    public StateRun.Transition run(StateRun run) {
        return run.spec.jsonata() ? jsonata(run) : jsonPath(run);
    }

    private static StateRun.Transition jsonPath(StateRun run) {
        StateSpec spec = run.spec;
        JsonNode effective = run.effectiveInput();
        for (JsonNode rule : spec.json().path("Choices")) {
            if (Expressions.choice(run, rule, effective)) {
                Map<String, JsonNode> assigned = run.assign(rule.get("Assign"), effective, null);
                return run.exit(rule.path("Next").asText(), run.outputPath(effective), assigned);
            }
        }
        String fallback = defaultState(run);
        Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), effective, null);
        return run.exit(fallback, run.outputPath(effective), assigned);
    }

    private static StateRun.Transition jsonata(StateRun run) {
        StateSpec spec = run.spec;
        ObjectNode states = run.states(null, null);
        for (JsonNode rule : spec.json().path("Choices")) {
            JsonNode condition = run.jsonata("Condition", rule.get("Condition"), states);
            if (!condition.isBoolean()) {
                throw run.runtime("The JSONata expression '" + expression(rule.get("Condition"))
                        + "' specified for the field 'Condition' returned an unexpected result type. Expected"
                        + " 'boolean', but was '" + condition.getNodeType().toString().toLowerCase() + "' for value: "
                        + Events.text(condition));
            }
            if (condition.booleanValue()) {
                JsonNode assign = rule.has("Assign") ? rule.get("Assign") : null;
                JsonNode outputSpec = rule.has("Output") ? rule.get("Output") : spec.field("Output");
                return leave(run, rule.path("Next").asText(), assign, outputSpec, states);
            }
        }
        return leave(run, defaultState(run), spec.field("Assign"), spec.field("Output"), states);
    }

    private static StateRun.Transition leave(StateRun run, String next, JsonNode assign, JsonNode outputSpec,
            ObjectNode states) {
        Map<String, JsonNode> assigned = run.assign(assign, null, states);
        JsonNode output = outputSpec == null ? run.input : run.jsonata("Output", outputSpec, states);
        return run.exit(next, output, assigned);
    }

    private static String defaultState(StateRun run) {
        String fallback = run.spec.text("Default");
        if (fallback == null) {
            throw new StateFailure("States.NoChoiceMatched", null);
        }
        return fallback;
    }

    private static String expression(JsonNode condition) {
        String text = condition == null ? "" : condition.asText().trim();
        if (text.startsWith("{%") && text.endsWith("%}")) {
            text = text.substring(2, text.length() - 2).trim();
        }
        return text;
    }
}
