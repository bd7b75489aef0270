package io.labrunner.emulator.stepfunctions.asl;

import java.time.Instant;

/**
 * How an execution ended.
 *
 * @param status   {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT} or {@code ABORTED}
 * @param output   the output JSON of a succeeded execution, else null
 * @param error    the error of a failed, timed out or aborted one, else null
 * @param cause    its cause, else null
 * @param stopDate when it ended
 */
public record ExecutionOutcome(String status, String output, String error, String cause, Instant stopDate) {
}
