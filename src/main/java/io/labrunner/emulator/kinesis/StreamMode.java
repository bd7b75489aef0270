package io.labrunner.emulator.kinesis;

/** Capacity modes of a data stream. */
public enum StreamMode {
    PROVISIONED, ON_DEMAND
}
