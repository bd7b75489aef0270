package io.labrunner.emulator.logs;

import java.time.Clock;

/** What one operation acts on: the request's region (its lock held), the store and the clock. */
record Scope(LogRegion region, LogsStore store, Clock clock, String account) {

    long now() {
        return clock.millis();
    }

    String regionName() {
        return region.region();
    }
}
