package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Map (inline): runs its ItemProcessor once per item of the input array (ItemsPath, or JSONata Items), at most
 * MaxConcurrency at a time; each item goes through ItemSelector (or the older Parameters) with
 * {@code $$.Map.Item} set. Its result is the array of the iterations' outputs, in item order.
 */
final class MapStep implements Step {

    @Override
    public StateRun.Transition run(StateRun run) {
        StateSpec spec = run.spec;
        ObjectNode states = spec.jsonata() ? run.states(null, null) : null;
        JsonNode effective = spec.jsonata() ? run.input : run.effectiveInput();
        JsonNode items = items(run, effective, states);
        int maxConcurrency = maxConcurrency(run, effective, states);
        run.record("MapStateStarted", "mapStateStartedEventDetails", Json.object().put("length", items.size()));
        String selectorField = spec.has("ItemSelector") ? "ItemSelector" : spec.has("Parameters") ? "Parameters" : null;
        History history = run.execution().history();
        Track mapTrack = run.frame.track();
        List<Fanout.Job> jobs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            JsonNode item = items.get(i);
            jobs.add(new Fanout.Job() {
                @Override
                public JsonNode run(Frame frame) {
                    long started = history.recordAside(mapTrack, "MapIterationStarted",
                            "mapIterationStartedEventDetails", Events.mapIteration(spec.name(), index));
                    frame.track().moveTo(started);
                    JsonNode input = selectorField == null ? item : select(run, selectorField, effective, index, item);
                    try {
                        JsonNode output = new GraphRunner().run(spec.processor(), input, frame);
                        history.recordAside(frame.track(), "MapIterationSucceeded", "mapIterationSucceededEventDetails",
                                Events.mapIteration(spec.name(), index));
                        history.follow(mapTrack, frame.track());
                        return output;
                    } catch (StateFailure failure) {
                        history.recordAside(frame.track(), "MapIterationFailed", "mapIterationFailedEventDetails",
                                Events.mapIteration(spec.name(), index));
                        throw failure;
                    }
                }

                @Override
                public void aborted(Frame frame, Track failed) {
                    history.recordAside(failed, "MapIterationAborted", "mapIterationAbortedEventDetails",
                            Events.mapIteration(spec.name(), index));
                }
            });
        }
        List<JsonNode> outputs;
        try {
            outputs = Fanout.run(run, jobs, maxConcurrency);
        } catch (Fanout.Failed failed) {
            history.follow(mapTrack, failed.track());
            run.record("MapStateFailed", null, null);
            throw failed.failure();
        }
        ArrayNode result = Json.mapper().createArrayNode();
        outputs.forEach(result::add);
        history.recordAfterLatest(mapTrack, "MapStateSucceeded", null, null);
        return ParallelStep.finish(run, result, states);
    }

    private static JsonNode items(StateRun run, JsonNode effective, ObjectNode states) {
        StateSpec spec = run.spec;
        JsonNode items;
        if (spec.jsonata()) {
            items = spec.has("Items") ? run.jsonata("Items", spec.field("Items"), states) : run.input;
            if (!items.isArray() && spec.has("Items")) {
                throw run.runtime("The JSONata expression '" + spec.text("Items") + "' specified for the field 'Items'"
                        + " returned an unexpected result type. Expected 'array', but was '"
                        + items.getNodeType().toString().toLowerCase() + "' for value: " + Events.text(items));
            }
        } else {
            String path = spec.has("ItemsPath") ? spec.text("ItemsPath") : "$";
            items = Expressions.path(run, effective, path);
        }
        if (!items.isArray()) {
            throw run.runtime("Map state input must be an array but was: " + Events.text(items));
        }
        return items;
    }

    private static int maxConcurrency(StateRun run, JsonNode effective, ObjectNode states) {
        StateSpec spec = run.spec;
        JsonNode value;
        if (spec.has("MaxConcurrency")) {
            value = spec.field("MaxConcurrency");
            if (value.isTextual() && states != null) {
                value = run.jsonata("MaxConcurrency", value, states);
            }
        } else if (spec.has("MaxConcurrencyPath")) {
            value = Expressions.path(run, effective, spec.text("MaxConcurrencyPath"));
        } else {
            return 0;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
            throw run.runtime("The MaxConcurrencyPath field refers to value \"" + value.asText()
                    + "\" which is not a valid integer: " + Events.text(value));
        }
        return value.asInt();
    }

    /** One item's input: the selector evaluated with {@code $$.Map.Item} = {Index, Value}. */
    private static JsonNode select(StateRun run, String field, JsonNode effective, int index, JsonNode item) {
        ObjectNode mapItem = Json.object();
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        synchronized (run) {
            run.mapItem(mapItem);
            try {
                if (run.spec.jsonata()) {
                    return run.jsonata(field, run.spec.field(field), run.states(null, null));
                }
                return run.payload(field, effective);
            } finally {
                run.mapItem(null);
            }
        }
    }
}
