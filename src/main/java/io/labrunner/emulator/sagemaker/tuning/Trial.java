package io.labrunner.emulator.sagemaker.tuning;

import java.time.Instant;
import java.util.Map;

/**
 * One training job a tuning job launched, as last seen: kept with the tuning job so that its summary
 * survives a restart even if the training job's own record does not.
 *
 * @param index         1-based launch order, the {@code 001} of the name
 * @param objective     the final objective value, or null when the job reported none
 * @param earlyStopped  whether the tuning job stopped it (early stopping or completion criteria)
 */
record Trial(String name, String arn, int index, Map<String, String> tunedHyperParameters, Instant created,
        String status, String failureReason, Double objective, Instant start, Instant end, boolean earlyStopped) {

    boolean running() {
        return "InProgress".equals(status) || "Stopping".equals(status);
    }

    /** Succeeded (an objective value was reported), Pending (still running) or Failed, as AWS counts them. */
    String objectiveStatus() {
        if (objective != null) {
            return "Succeeded";
        }
        return running() ? "Pending" : "Failed";
    }

    Trial seen(String newStatus, String newFailureReason, Double newObjective, Instant newStart, Instant newEnd) {
        return new Trial(name, arn, index, tunedHyperParameters, created, newStatus, newFailureReason, newObjective,
                newStart, newEnd, earlyStopped);
    }

    Trial stoppedEarly() {
        return new Trial(name, arn, index, tunedHyperParameters, created, status, failureReason, objective, start, end,
                true);
    }
}
