package io.labrunner.emulator.sagemaker.pipelines;

import java.util.Map;
import java.util.Optional;

/**
 * How a step that runs a SageMaker job drives it: the operations to create, describe and stop it, and the
 * members that carry its name, ARN and status.
 *
 * @param metadataKey the member of ListPipelineExecutionSteps' Metadata that names the job
 */
record JobKind(String noun, String metadataKey) {
    private static final Map<String, JobKind> BY_STEP = Map.of(
            "Training", new JobKind("TrainingJob", "TrainingJob"),
            "Processing", new JobKind("ProcessingJob", "ProcessingJob"),
            "Transform", new JobKind("TransformJob", "TransformJob"));

    static Optional<JobKind> of(String stepType) {
        return Optional.ofNullable(BY_STEP.get(stepType));
    }

    String create() {
        return "Create" + noun;
    }

    String describe() {
        return "Describe" + noun;
    }

    String stop() {
        return "Stop" + noun;
    }

    String nameMember() {
        return noun + "Name";
    }

    String arnMember() {
        return noun + "Arn";
    }

    String statusMember() {
        return noun + "Status";
    }
}
