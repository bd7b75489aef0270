package io.labrunner.emulator.sagemaker.training;

import java.time.Instant;

/** One entry of SecondaryStatusTransitions; {@code end} is null while the job is in it. */
public record Transition(String status, Instant start, Instant end, String message) {

    Transition withMessage(String text) {
        return new Transition(status, start, end, text);
    }

    Transition endedAt(Instant at) {
        return new Transition(status, start, at, message);
    }
}
