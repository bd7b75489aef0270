package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parallel: runs every branch on the same input at once; its result is the array of the branches' outputs. */
final class ParallelStep implements Step {

    @Override
    public StateRun.Transition run(StateRun run) {
        StateSpec spec = run.spec;
        ObjectNode states = spec.jsonata() ? run.states(null, null) : null;
        JsonNode effective = spec.jsonata() ? null : run.effectiveInput();
        JsonNode branchInput = spec.jsonata()
                ? (spec.has("Arguments") ? run.jsonata("Arguments", spec.field("Arguments"), states) : run.input)
                : (spec.has("Parameters") ? run.payload("Parameters", effective) : effective);
        run.record("ParallelStateStarted", null, null);
        List<Fanout.Job> jobs = new ArrayList<>();
        for (StateGraph branch : spec.branches()) {
            jobs.add(frame -> new GraphRunner().run(branch, branchInput, frame));
        }
        List<JsonNode> outputs;
        try {
            outputs = Fanout.run(run, jobs, 0);
        } catch (Fanout.Failed failed) {
            run.execution().history().follow(run.frame.track(), failed.track());
            run.record("ParallelStateFailed", null, null);
            throw failed.failure();
        }
        ArrayNode result = Json.mapper().createArrayNode();
        outputs.forEach(result::add);
        run.execution().history().recordAfterLatest(run.frame.track(), "ParallelStateSucceeded", null, null);
        return finish(run, result, states);
    }

    /** ResultSelector, Assign, ResultPath and OutputPath over a Parallel or Map state's result array. */
    static StateRun.Transition finish(StateRun run, JsonNode result, ObjectNode states) {
        StateSpec spec = run.spec;
        if (spec.jsonata()) {
            ObjectNode after = run.states(result, null);
            Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), null, after);
            JsonNode output = spec.has("Output") ? run.jsonata("Output", spec.field("Output"), after) : result;
            return run.exit(spec.next(), output, assigned);
        }
        JsonNode selected = spec.has("ResultSelector") ? run.payload("ResultSelector", result) : result;
        Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), selected, null);
        JsonNode output = run.outputPath(run.resultPath(run.resultPathField(), selected));
        return run.exit(spec.next(), output, assigned);
    }
}
