package io.labrunner.emulator.sagemaker.linearlearner;

import io.labrunner.emulator.sagemaker.algorithms.TrainingLog;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes lines as the linear learner container logs them, {@code [MM/dd/yyyy HH:mm:ss INFO <thread>] ...},
 * so SageMaker's metric regexes (e.g. {@code #quality_metric: host=\S+, epoch=\S+, train \S+ <loss>=(\S+)})
 * find them.
 */
final class ContainerLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String THREAD = "140000000000000";
    static final String HOST = "algo-1";

    private final TrainingLog log;
    private final Clock clock;

    ContainerLog(TrainingLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void info(String message) {
        log.line("[" + TIME.format(clock.instant()) + " INFO " + THREAD + "] " + message);
    }

    void warning(String message) {
        log.line("[" + TIME.format(clock.instant()) + " WARNING " + THREAD + "] " + message);
    }
}
