package io.labrunner.emulator.firehose;

/** DeliveryStreamStatus values the emulator goes through. */
enum DeliveryStatus {
    CREATING, ACTIVE, DELETING
}
