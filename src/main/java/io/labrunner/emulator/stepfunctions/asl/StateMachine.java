package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.language.DefinitionValidator;

/**
 * A parsed, validated state machine definition (Amazon States Language), ready to run executions.
 *
 * <p>The contract the Step Functions API is written against; the interpreter fills it in.
 */
public final class StateMachine {
    private final StateGraph graph;
    private final Integer timeoutSeconds;

    private StateMachine(StateGraph graph, Integer timeoutSeconds) {
        this.graph = graph;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Parses and validates a definition as CreateStateMachine does.
     *
     * @throws InvalidDefinitionException with AWS's message when Step Functions would refuse it
     */
    public static StateMachine parse(String definition) {
        JsonNode root = DefinitionValidator.validate(definition);
        Unsupported.refuse(root, "");
        StateGraph graph = StateGraph.parse(root, false);
        Integer timeout = root.hasNonNull("TimeoutSeconds") ? root.get("TimeoutSeconds").asInt() : null;
        return new StateMachine(graph, timeout);
    }

    /** Starts an execution on its own thread; events reach {@code listener} as they happen. */
    public ExecutionRun start(ExecutionInfo execution, TaskRunner tasks, ExecutionListener listener) {
        Execution run = new Execution(this, execution, tasks, listener);
        run.start();
        return run;
    }

    StateGraph graph() {
        return graph;
    }

    /** The machine's TimeoutSeconds, or null when its executions may run for as long as AWS allows. */
    Integer timeoutSeconds() {
        return timeoutSeconds;
    }
}
