package io.labrunner.emulator.kinesis;

import java.time.Clock;
import java.time.Duration;

/**
 * How the emulated Kinesis behaves where AWS leaves room: how long state transitions take, whether
 * per-shard throughput limits are enforced, and the account-wide shard limit.
 *
 * @param clock           time source; tests inject a settable one
 * @param createDelay     CREATING → ACTIVE
 * @param updateDelay     UPDATING → ACTIVE after SplitShard, MergeShards or UpdateShardCount
 * @param deleteDelay     DELETING → gone
 * @param throttling      enforce AWS's per-shard limits (1 MiB/s and 1,000 records/s in; 5 calls/s and 2 MiB/s out)
 * @param shardLimit      open shards allowed per account and region
 */
public record KinesisSettings(
        Clock clock,
        Duration createDelay,
        Duration updateDelay,
        Duration deleteDelay,
        boolean throttling,
        int shardLimit) {

    /** AWS's default shard quota in the large regions. */
    public static final int DEFAULT_SHARD_LIMIT = 500;

    /** Short delays, so code that forgets to wait for ACTIVE fails as it would on AWS; throttling on. */
    public static KinesisSettings defaults() {
        return new KinesisSettings(Clock.systemUTC(), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(300), true, DEFAULT_SHARD_LIMIT);
    }

    public KinesisSettings withClock(Clock newClock) {
        return new KinesisSettings(newClock, createDelay, updateDelay, deleteDelay, throttling, shardLimit);
    }

    public KinesisSettings withDelays(Duration create, Duration update, Duration delete) {
        return new KinesisSettings(clock, create, update, delete, throttling, shardLimit);
    }

    public KinesisSettings withThrottling(boolean enabled) {
        return new KinesisSettings(clock, createDelay, updateDelay, deleteDelay, enabled, shardLimit);
    }

    public KinesisSettings withShardLimit(int limit) {
        return new KinesisSettings(clock, createDelay, updateDelay, deleteDelay, throttling, limit);
    }
}
