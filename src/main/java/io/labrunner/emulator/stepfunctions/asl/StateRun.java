package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry into a state: its raw input, the event that recorded the entry, and the States Language's input and
 * output processing for it (JSONPath: InputPath, Parameters, ResultSelector, ResultPath, OutputPath; JSONata:
 * Arguments, Output, {@code $states}; both: Assign).
 */
final class StateRun {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ISO_INSTANT;

    final StateSpec spec;
    final Frame frame;
    final JsonNode input;
    final long enteredId;
    private final Instant enteredTime;
    private int retryCount;
    private String taskToken;
    private ObjectNode mapItem;

    StateRun(StateSpec spec, Frame frame, JsonNode input, long enteredId) {
        this.spec = spec;
        this.frame = frame;
        this.input = input;
        this.enteredId = enteredId;
        this.enteredTime = Instant.now();
    }

    Execution execution() {
        return frame.execution();
    }

    String name() {
        return spec.name();
    }

    void retried() {
        retryCount++;
    }

    void taskToken(String token) {
        this.taskToken = token;
    }

    /** Sets {@code $$.Map.Item} while a Map state's ItemSelector is evaluated for one item (null clears it). */
    void mapItem(ObjectNode item) {
        this.mapItem = item;
    }

    /** Records an event on this state's line of events. */
    long record(String type, String member, ObjectNode details) {
        return execution().history().record(frame.track(), type, member, details);
    }

    StateFailure runtime(String detail) {
        return StateFailure.runtime(spec.name(), enteredId, detail);
    }

    /** The Context Object ({@code $$} in JSONPath, {@code $states.context} in JSONata) as this state sees it. */
    ObjectNode context() {
        ExecutionInfo info = execution().info();
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", info.executionArn());
        execution.set("Input", info.input() == null ? Json.object() : info.input());
        execution.put("Name", info.name());
        execution.put("RoleArn", info.roleArn());
        execution.put("StartTime", timestamp(info.startTime()));
        execution.put("RedriveCount", 0);
        context.putObject("StateMachine").put("Id", info.stateMachineArn()).put("Name", info.stateMachineName());
        context.putObject("State").put("EnteredTime", timestamp(enteredTime)).put("Name", spec.name())
                .put("RetryCount", retryCount);
        if (taskToken != null) {
            context.putObject("Task").put("Token", taskToken);
        }
        if (mapItem != null) {
            context.putObject("Map").set("Item", mapItem);
        }
        return context;
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    // ---- JSONPath processing

    /** InputPath applied to the raw input: {@code null} gives {@code {}}. */
    JsonNode effectiveInput() {
        String path = spec.path("InputPath");
        if (path == null) {
            return Json.object();
        }
        return Expressions.path(this, input, path);
    }

    /** A payload template field ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}) over {@code data}. */
    JsonNode payload(String field, JsonNode data) {
        return Expressions.payload(this, field, spec.field(field), data);
    }

    /** A payload template given by the interpreter rather than a field (an intrinsic ErrorPath, an Assign). */
    JsonNode payloadOf(String field, JsonNode template, JsonNode data) {
        return Expressions.payload(this, field, template, data);
    }

    /** ResultPath: where the result goes in the raw input ({@code $} replaces it, null discards the result). */
    JsonNode resultPath(String resultPath, JsonNode result) {
        if (resultPath == null) {
            return input;
        }
        if ("$".equals(resultPath)) {
            return result;
        }
        try {
            return io.labrunner.emulator.stepfunctions.language.JsonPaths.put(input, resultPath, result);
        } catch (io.labrunner.emulator.stepfunctions.language.JsonPaths.PathMismatch e) {
            throw runtime("Invalid path '" + resultPath + "' : Unable to apply ResultPath to the state's input");
        }
    }

    /** The state's ResultPath field: {@code $} when absent, null for an explicit null. */
    String resultPathField() {
        return spec.path("ResultPath");
    }

    /** OutputPath applied to the state's combined output: {@code null} gives {@code {}}. */
    JsonNode outputPath(JsonNode combined) {
        String path = spec.path("OutputPath");
        if (path == null) {
            return Json.object();
        }
        return Expressions.path(this, combined, path);
    }

    // ---- JSONata processing

    /** The {@code $states} variable: input, context, and result / errorOutput where the state has them. */
    ObjectNode states(JsonNode result, JsonNode errorOutput) {
        ObjectNode states = Json.object();
        states.set("input", input);
        states.set("context", context());
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        return states;
    }

    /** A JSONata field's value: {@code {% %}} expressions evaluated, anything else as written. */
    JsonNode jsonata(String field, JsonNode value, ObjectNode states) {
        return Expressions.jsonata(this, field, value, states);
    }

    // ---- both

    /**
     * Evaluates an Assign block: JSONPath values over {@code dollar} ({@code .$} keys), JSONata ones over
     * {@code states}. All values see the variables as they were before the state.
     *
     * @return the variables to assign in the order written, or null when there is no Assign
     */
    Map<String, JsonNode> assign(JsonNode assign, JsonNode dollar, ObjectNode states) {
        if (assign == null || !assign.isObject()) {
            return null;
        }
        Map<String, JsonNode> assigned = new LinkedHashMap<>();
        if (spec.jsonata()) {
            Iterator<Map.Entry<String, JsonNode>> fields = assign.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                assigned.put(field.getKey(), jsonata("Assign/" + field.getKey(), field.getValue(), states));
            }
            return assigned;
        }
        JsonNode evaluated = payloadOf("Assign", assign, dollar);
        evaluated.fields().forEachRemaining(e -> assigned.put(e.getKey(), e.getValue()));
        return assigned;
    }

    /**
     * Leaves the state: assigns its variables, records {@code <Type>StateExited} and returns where to go.
     *
     * @throws StateFailure States.DataLimitExceeded when the output is larger than Step Functions allows
     */
    Transition exit(String next, JsonNode output, Map<String, JsonNode> assigned) {
        String text = Events.text(output);
        if (text.length() > Events.MAX_PAYLOAD_BYTES
                && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Events.MAX_PAYLOAD_BYTES) {
            throw new StateFailure(StateFailure.DATA_LIMIT, "The state/task '" + spec.name()
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        if (assigned != null) {
            frame.variables().assign(assigned);
        }
        record(spec.type() + "StateExited", "stateExitedEventDetails",
                Events.stateExited(spec.name(), text, assigned));
        return new Transition(next, output);
    }

    /** Where a state leads: the next state's name (null to end the frame's states) and its input. */
    record Transition(String next, JsonNode output) {
    }
}
