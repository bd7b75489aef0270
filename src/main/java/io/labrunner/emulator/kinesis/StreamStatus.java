package io.labrunner.emulator.kinesis;

/** The states a data stream moves through, as DescribeStream reports them. */
public enum StreamStatus {
    CREATING, ACTIVE, UPDATING, DELETING
}
