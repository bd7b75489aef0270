package io.labrunner.emulator.firehose;

import java.time.Clock;
import java.time.Duration;

/**
 * How the emulated Firehose behaves where AWS leaves room.
 *
 * @param clock              time source; tests inject a settable one
 * @param createDelay        CREATING → ACTIVE (AWS takes seconds to minutes)
 * @param deleteDelay        DELETING → gone
 * @param tick               how often the background deliverer looks for buffers that are due
 * @param sourcePollInterval how often a KinesisStreamAsSource stream reads its shards (AWS: about once a second,
 *                           which stays within the 5 GetRecords calls per second a shard allows)
 * @param background         run the background deliverer; tests turn it off and call {@link FirehoseService#deliverDue()}
 */
public record FirehoseSettings(
        Clock clock,
        Duration createDelay,
        Duration deleteDelay,
        Duration tick,
        Duration sourcePollInterval,
        boolean background) {

    /** Short realistic delays and a background deliverer that looks every 100 ms. */
    public static FirehoseSettings defaults() {
        return new FirehoseSettings(Clock.systemUTC(), Duration.ofMillis(500), Duration.ofMillis(300),
                Duration.ofMillis(100), Duration.ofSeconds(1), true);
    }

    /** Settings for tests: the given clock, no delays beyond the clock's, no background thread. */
    public static FirehoseSettings manual(Clock clock) {
        return new FirehoseSettings(clock, Duration.ofMillis(500), Duration.ofMillis(300),
                Duration.ofMillis(100), Duration.ofSeconds(1), false);
    }
}
