package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.TrainingLog;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The container's own log lines, in its logger's format: {@code [2026-12-07:10:22:51:INFO] message}. */
final class ContainerLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd:HH:mm:ss", Locale.ROOT);
    private final TrainingLog log;

    ContainerLog(TrainingLog log) {
        this.log = log;
    }

    void info(String message) {
        log.line("[" + ZonedDateTime.now(ZoneOffset.UTC).format(TIME) + ":INFO] " + message);
    }

    /** A line as XGBoost's evaluation monitor prints it; CloudWatch shows its tabs as {@code #011}. */
    void raw(String line) {
        log.line(line);
    }
}
