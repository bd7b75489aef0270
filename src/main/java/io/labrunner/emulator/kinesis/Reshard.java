package io.labrunner.emulator.kinesis;

import java.math.BigInteger;
import java.util.function.LongConsumer;

/**
 * A change of a stream's shards waiting for its due time, described as data rather than as code so
 * that a stream still UPDATING when the emulator stops completes the same change after a restart.
 *
 * @param kind               {@code SPLIT}, {@code MERGE} or {@code SCALE}
 * @param shardId            the shard split, or the first shard merged
 * @param adjacentShardId    the second shard merged
 * @param newStartingHashKey where a split cuts
 * @param targetShardCount   the open shard count UpdateShardCount asked for
 */
record Reshard(String kind, String shardId, String adjacentShardId, BigInteger newStartingHashKey,
               int targetShardCount) {

    static Reshard split(String shardId, BigInteger newStartingHashKey) {
        return new Reshard("SPLIT", shardId, null, newStartingHashKey, 0);
    }

    static Reshard merge(String shardId, String adjacentShardId) {
        return new Reshard("MERGE", shardId, adjacentShardId, null, 0);
    }

    static Reshard scale(int targetShardCount) {
        return new Reshard("SCALE", null, null, null, targetShardCount);
    }

    /** The change as {@link Stream#beginUpdate} runs it when it comes due. */
    LongConsumer on(Stream stream) {
        return at -> {
            switch (kind) {
                case "SPLIT" -> stream.split(stream.shard(shardId), newStartingHashKey, at);
                case "MERGE" -> stream.merge(stream.shard(shardId), stream.shard(adjacentShardId), at);
                case "SCALE" -> stream.scaleUniformly(targetShardCount, at);
                default -> throw new IllegalStateException("unknown reshard " + kind);
            }
        };
    }
}
