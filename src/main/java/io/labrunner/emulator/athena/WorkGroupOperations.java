package io.labrunner.emulator.athena;

import static io.labrunner.emulator.athena.AthenaJson.JSON;
import static io.labrunner.emulator.athena.AthenaJson.epochSeconds;
import static io.labrunner.emulator.athena.AthenaJson.invalid;
import static io.labrunner.emulator.athena.AthenaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The work group operations: get, list, create and delete. Each takes the request's members and
 * returns the response's.
 */
final class WorkGroupOperations {
    private final AthenaEngine engine;
    private final AthenaStore store;

    WorkGroupOperations(AthenaEngine engine, AthenaStore store) {
        this.engine = engine;
        this.store = store;
    }

    ObjectNode getWorkGroup(JsonNode in) {
        WorkGroup g = existing(store, text(in, "WorkGroup"));
        ObjectNode out = JSON.createObjectNode();
        ObjectNode wg = out.putObject("WorkGroup");
        wg.put("Name", g.name()).put("State", "ENABLED").put("Description", g.description())
                .put("CreationTime", epochSeconds(g.created()));
        ObjectNode config = wg.putObject("Configuration");
        if (g.outputLocation() != null) {
            config.putObject("ResultConfiguration").put("OutputLocation", g.outputLocation());
        }
        config.put("EnforceWorkGroupConfiguration", false).put("PublishCloudWatchMetricsEnabled", false)
                .put("RequesterPaysEnabled", false);
        config.putObject("EngineVersion").put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return out;
    }

    ObjectNode listWorkGroups() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("WorkGroups");
        store.workGroups().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(g ->
                list.addObject().put("Name", g.name()).put("State", "ENABLED").put("Description", g.description())
                        .put("CreationTime", epochSeconds(g.created())));
        return out;
    }

    ObjectNode createWorkGroup(JsonNode in) {
        String name = text(in, "Name");
        String output = text(in.path("Configuration").path("ResultConfiguration"), "OutputLocation");
        if (output != null) {
            requireResultLocation(engine, output);
        }
        WorkGroup group = new WorkGroup(name, output,
                text(in, "Description") == null ? "" : text(in, "Description"), Instant.now());
        if (!store.addWorkGroup(group)) {
            throw invalid("WorkGroup is already created");
        }
        return JSON.createObjectNode();
    }

    ObjectNode deleteWorkGroup(JsonNode in) {
        String name = text(in, "WorkGroup");
        if ("primary".equals(name)) {
            throw invalid("Primary workGroup could not be deleted");
        }
        existing(store, name);
        // A work group with contents (here: query executions) goes only with RecursiveDeleteOption,
        // which removes the contents too
        // (https://docs.aws.amazon.com/athena/latest/APIReference/API_DeleteWorkGroup.html).
        if (store.hasExecutions(name) && !in.path("RecursiveDeleteOption").asBoolean(false)) {
            throw invalid("WorkGroup " + name + " is not empty");
        }
        store.removeWorkGroup(name);
        return JSON.createObjectNode();
    }

    /** The work group of that name, or Athena's InvalidRequestException saying it is not found. */
    static WorkGroup existing(AthenaStore store, String name) {
        WorkGroup g = store.workGroup(name);
        if (g == null) {
            throw AthenaErrors.workGroupNotFound(name);
        }
        return g;
    }

    /**
     * Refuses a result location that is not an {@code s3://bucket/...} URI under the blob root, in
     * Athena's words (quoted in https://github.com/boto/boto3/issues/1194).
     */
    static void requireResultLocation(AthenaEngine engine, String outputLocation) {
        if (!engine.holds(outputLocation)) {
            throw invalid("outputLocation is not a valid S3 path. Provided " + outputLocation);
        }
    }
}
