package io.labrunner.emulator.sagemaker.pipelines;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pipelines and their executions, kept across restarts. Names are unique regardless of case, so pipelines are
 * stored under their lower-cased names and executions under their pipeline's.
 */
final class PipelineStore {
    private final StateMap<PipelineRecord> pipelines;
    private final StateMap<ExecutionRecord> executions;

    PipelineStore(StateStore state) {
        this.pipelines = state.map("sagemaker.pipelines", PipelineRecord.class);
        this.executions = state.map("sagemaker.pipeline-executions", ExecutionRecord.class);
    }

    Optional<PipelineRecord> pipeline(String region, String name) {
        return pipelines.get(key(region, name));
    }

    List<PipelineRecord> pipelines(String region) {
        return pipelines.entriesWithPrefix(region + "/").values().stream().toList();
    }

    void put(PipelineRecord pipeline) {
        pipelines.put(key(pipeline.region(), pipeline.name()), pipeline);
    }

    void remove(PipelineRecord pipeline) {
        pipelines.remove(key(pipeline.region(), pipeline.name()));
    }

    Optional<ExecutionRecord> execution(String region, String pipeline, String id) {
        return executions.get(key(region, pipeline) + "/" + id);
    }

    List<ExecutionRecord> executions(String region, String pipeline) {
        return executions.entriesWithPrefix(key(region, pipeline) + "/").values().stream().toList();
    }

    List<ExecutionRecord> allExecutions() {
        return executions.values();
    }

    void put(ExecutionRecord execution) {
        executions.put(key(execution.region(), execution.pipelineName()) + "/" + execution.id(), execution);
    }

    void remove(ExecutionRecord execution) {
        executions.remove(key(execution.region(), execution.pipelineName()) + "/" + execution.id());
    }

    private static String key(String region, String name) {
        return region + "/" + name.toLowerCase(Locale.ROOT);
    }
}
