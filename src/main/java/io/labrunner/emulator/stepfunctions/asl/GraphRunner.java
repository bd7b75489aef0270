package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs a graph's states from StartAt until one ends it (End, Succeed) or fails it (Fail, an uncaught error). */
final class GraphRunner {
    private static final Step PASS = new PassStep();
    private static final Step TASK = new Recovery(new TaskStep());
    private static final Step CHOICE = new ChoiceStep();
    private static final Step WAIT = new WaitStep();
    private static final Step SUCCEED = new SucceedStep();
    private static final Step FAIL = new FailStep();
    private static final Step PARALLEL = new Recovery(new ParallelStep());
    private static final Step MAP = new Recovery(new MapStep());

    /**
     * @return the output of the state that ended the graph
     * @throws StateFailure when a state fails and nothing catches it
     */
    JsonNode run(StateGraph graph, JsonNode input, Frame frame) {
        Execution execution = frame.execution();
        String name = graph.startAt();
        JsonNode data = input;
        while (true) {
            execution.checkRunning(frame.scope());
            StateSpec spec = graph.state(name);
            long entered = execution.history().record(frame.track(), spec.type() + "StateEntered",
                    "stateEnteredEventDetails", Events.stateEntered(name, Events.text(data)));
            if (entered == 0) {
                throw new Execution.Ended();
            }
            StateRun.Transition transition = step(spec.type()).run(new StateRun(spec, frame, data, entered));
            if (transition.next() == null) {
                return transition.output();
            }
            name = transition.next();
            data = transition.output();
        }
    }

    private static Step step(String type) {
        return switch (type) {
            case "Pass" -> PASS;
            case "Task" -> TASK;
            case "Choice" -> CHOICE;
            case "Wait" -> WAIT;
            case "Succeed" -> SUCCEED;
            case "Fail" -> FAIL;
            case "Parallel" -> PARALLEL;
            case "Map" -> MAP;
            default -> throw new StateFailure(StateFailure.RUNTIME, "Unknown state type " + type);
        };
    }
}
