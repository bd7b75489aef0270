package io.labrunner.emulator.logs;

/**
 * In-process access to CloudWatch Logs for the emulator's other services (SageMaker writes its
 * training containers' output here, as AWS does), so what they write is read back through the Logs API.
 */
public interface LogWriter {

    /** A writer that drops everything, for services run without CloudWatch Logs. */
    static LogWriter discarding() {
        return (region, group, stream, timestamp, message) -> { };
    }

    /**
     * Appends one event, creating the group and the stream when they do not exist yet.
     *
     * @param timestamp the event's time, in epoch milliseconds
     */
    void append(String region, String group, String stream, long timestamp, String message);
}
