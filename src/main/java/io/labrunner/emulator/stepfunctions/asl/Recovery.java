package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.util.List;
import java.util.Map;

/**
 * Retry and Catch around a Task, Parallel or Map state's work, as the States Language specifies: the first
 * retrier whose ErrorEquals matches decides (once its MaxAttempts are used up there is no further retry); then
 * the first matching catcher. States.Runtime and States.DataLimitExceeded are neither retried nor caught.
 */
final class Recovery implements Step {
    private final Step work;

    Recovery(Step work) {
        this.work = work;
    }

    @Override
    public StateRun.Transition run(StateRun run) {
        List<Retrier> retriers = run.spec.retry();
        int[] attempts = new int[retriers.size()];
        while (true) {
            try {
                return work.run(run);
            } catch (StateFailure failure) {
                if (failure.isTerminal()) {
                    throw failure;
                }
                int index = firstMatch(retriers, failure);
                if (index >= 0 && attempts[index] < retriers.get(index).maxAttempts()) {
                    long delay = retriers.get(index).delayMillis(attempts[index]);
                    run.execution().sleepUntil(run.frame.scope(), System.currentTimeMillis() + delay);
                    attempts[index]++;
                    run.retried();
                    continue;
                }
                for (Catcher catcher : run.spec.catchers()) {
                    if (catcher.matches(failure)) {
                        return caught(run, catcher, failure);
                    }
                }
                throw failure;
            }
        }
    }

    private static int firstMatch(List<Retrier> retriers, StateFailure failure) {
        for (int i = 0; i < retriers.size(); i++) {
            if (retriers.get(i).matches(failure)) {
                return i;
            }
        }
        return -1;
    }

    private static StateRun.Transition caught(StateRun run, Catcher catcher, StateFailure failure) {
        ObjectNode errorOutput = Json.object().put("Error", failure.error());
        if (failure.failureCause() != null) {
            errorOutput.put("Cause", failure.failureCause());
        }
        if (run.spec.jsonata()) {
            ObjectNode states = run.states(null, errorOutput);
            Map<String, JsonNode> assigned = run.assign(catcher.assign(), null, states);
            JsonNode output = catcher.output() == null ? errorOutput : run.jsonata("Output", catcher.output(), states);
            return run.exit(catcher.next(), output, assigned);
        }
        Map<String, JsonNode> assigned = run.assign(catcher.assign(), errorOutput, null);
        return run.exit(catcher.next(), run.resultPath(catcher.resultPath(), errorOutput), assigned);
    }
}
