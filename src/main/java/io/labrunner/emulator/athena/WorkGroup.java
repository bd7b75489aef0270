package io.labrunner.emulator.athena;

import java.time.Instant;

/** A work group: its name, its result location (may be null) and description. */
record WorkGroup(String name, String outputLocation, String description, Instant created) {
}
