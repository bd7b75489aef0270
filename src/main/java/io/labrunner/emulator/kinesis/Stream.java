package io.labrunner.emulator.kinesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * One data stream: its status, shards and tags. Status changes are due at a time and applied
 * lazily by {@link #settle(long)}, so a test clock decides when a stream becomes ACTIVE.
 */
final class Stream {
    private final String name;
    private final String arn;
    private final long createdMillis;
    private final StreamMode mode;
    private final Map<String, String> tags = new TreeMap<>();
    private final List<Shard> shards = new ArrayList<>();
    private int retentionHours = 24;
    private StreamStatus status = StreamStatus.CREATING;
    private long transitionAt;
    private LongConsumer pendingChange;
    /** The reshard {@link #pendingChange} runs while UPDATING, kept for the state store. */
    private Reshard pendingReshard;
    private final int initialShardCount;

    Stream(String name, String arn, long createdMillis, StreamMode mode, int shardCount, long activeAt) {
        this.name = name;
        this.arn = arn;
        this.createdMillis = createdMillis;
        this.mode = mode;
        this.transitionAt = activeAt;
        this.initialShardCount = shardCount;
        // AWS lists no shards while a stream is CREATING.
        this.pendingChange = at -> {
            for (int i = 0; i < shardCount; i++) {
                BigInteger end = i == shardCount - 1 ? HashKeys.MAX
                        : HashKeys.uniformStart(i + 1, shardCount).subtract(BigInteger.ONE);
                addShard(null, null, HashKeys.uniformStart(i, shardCount), end, at);
            }
        };
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    long createdMillis() {
        return createdMillis;
    }

    StreamMode mode() {
        return mode;
    }

    StreamStatus status() {
        return status;
    }

    int retentionHours() {
        return retentionHours;
    }

    void retentionHours(int hours) {
        retentionHours = hours;
    }

    Map<String, String> tags() {
        return tags;
    }

    List<Shard> shards() {
        return Collections.unmodifiableList(shards);
    }

    /** Open shards, counting those a CREATING stream is about to open, for the account's shard limit. */
    int openShardCount() {
        return status == StreamStatus.CREATING ? initialShardCount : openShards().size();
    }

    List<Shard> openShards() {
        return shards.stream().filter(Shard::isOpen).toList();
    }

    /** Records that arrived before this are past retention. */
    long retentionCutoff(long nowMillis) {
        return nowMillis - retentionHours * 3_600_000L;
    }

    /** True once a DELETING stream's deletion is due. */
    boolean deletionDue(long nowMillis) {
        return status == StreamStatus.DELETING && nowMillis >= transitionAt;
    }

    /** Applies a status change that has come due. */
    void settle(long nowMillis) {
        if ((status == StreamStatus.CREATING || status == StreamStatus.UPDATING) && nowMillis >= transitionAt) {
            LongConsumer change = pendingChange;
            pendingChange = null;
            if (change != null) {
                change.accept(transitionAt);
            }
            status = StreamStatus.ACTIVE;
        }
    }

    void markDeleting(long dueAt) {
        status = StreamStatus.DELETING;
        transitionAt = dueAt;
        pendingChange = null;
    }

    /** Puts the stream in UPDATING; {@code change} runs (with its due time) when the update completes. */
    void beginUpdate(long dueAt, Reshard change) {
        status = StreamStatus.UPDATING;
        transitionAt = dueAt;
        pendingReshard = change;
        pendingChange = change.on(this);
    }

    int initialShardCount() {
        return initialShardCount;
    }

    long transitionAt() {
        return transitionAt;
    }

    /** The reshard due while UPDATING, else null. */
    Reshard pendingReshard() {
        return status == StreamStatus.UPDATING ? pendingReshard : null;
    }

    /**
     * A stream loaded from the state store, in the status it was saved in; a change still due
     * (becoming ACTIVE, a reshard) is applied at its due time as if the emulator had kept running.
     */
    static Stream restored(String name, String arn, long createdMillis, StreamMode mode, int initialShardCount,
                           StreamStatus status, long transitionAt, Reshard pending, int retentionHours,
                           Map<String, String> tags, List<Shard> shards) {
        Stream stream = new Stream(name, arn, createdMillis, mode, initialShardCount, transitionAt);
        stream.tags.putAll(tags);
        stream.retentionHours = retentionHours;
        if (status != StreamStatus.CREATING) {
            stream.status = status;
            stream.pendingChange = null;
            stream.shards.addAll(shards);
            if (status == StreamStatus.UPDATING && pending != null) {
                stream.beginUpdate(transitionAt, pending);
            }
        }
        return stream;
    }

    Shard shard(String shardId) {
        for (Shard s : shards) {
            if (s.shardId().equals(shardId)) {
                return s;
            }
        }
        return null;
    }

    /** The open shard whose range holds {@code hashKey}; the open shards always cover the whole space. */
    Shard route(BigInteger hashKey) {
        for (Shard s : shards) {
            if (s.isOpen() && s.covers(hashKey)) {
                return s;
            }
        }
        throw new IllegalStateException("open shards of " + name + " do not cover " + hashKey);
    }

    /** Closes {@code parent} and opens two children split at {@code newStartingHashKey}. */
    void split(Shard parent, BigInteger newStartingHashKey, long at) {
        parent.close(at);
        addShard(parent.shardId(), null, parent.startingHashKey(), newStartingHashKey.subtract(BigInteger.ONE), at);
        addShard(parent.shardId(), null, newStartingHashKey, parent.endingHashKey(), at);
    }

    /** Closes two adjacent shards and opens one child covering both ranges. */
    Shard merge(Shard shard, Shard adjacent, long at) {
        shard.close(at);
        adjacent.close(at);
        BigInteger start = shard.startingHashKey().min(adjacent.startingHashKey());
        BigInteger end = shard.endingHashKey().max(adjacent.endingHashKey());
        return addShard(shard.shardId(), adjacent.shardId(), start, end, at);
    }

    /**
     * Reaches {@code target} uniform shards the way UpdateShardCount does: split open shards at
     * every new boundary inside them, then merge the pieces of each new range pairwise, so every
     * child still has at most two parents and the lineage stays readable in order.
     */
    void scaleUniformly(int target, long at) {
        List<BigInteger> boundaries = new ArrayList<>();
        for (int i = 1; i < target; i++) {
            boundaries.add(HashKeys.uniformStart(i, target));
        }
        for (BigInteger boundary : boundaries) {
            for (Shard s : openShards()) {
                if (boundary.compareTo(s.startingHashKey()) > 0 && boundary.compareTo(s.endingHashKey()) <= 0) {
                    split(s, boundary, at);
                    break;
                }
            }
        }
        for (int i = 0; i < target; i++) {
            BigInteger start = HashKeys.uniformStart(i, target);
            BigInteger end = i == target - 1 ? HashKeys.MAX
                    : HashKeys.uniformStart(i + 1, target).subtract(BigInteger.ONE);
            List<Shard> pieces = new ArrayList<>();
            for (Shard s : openShards()) {
                if (s.startingHashKey().compareTo(start) >= 0 && s.endingHashKey().compareTo(end) <= 0) {
                    pieces.add(s);
                }
            }
            pieces.sort((a, b) -> a.startingHashKey().compareTo(b.startingHashKey()));
            Shard merged = pieces.get(0);
            for (int p = 1; p < pieces.size(); p++) {
                merged = merge(merged, pieces.get(p), at);
            }
        }
    }

    private Shard addShard(String parent, String adjacentParent, BigInteger start, BigInteger end, long at) {
        Shard shard = new Shard(shards.size(), parent, adjacentParent, start, end, createdMillis, at);
        shards.add(shard);
        return shard;
    }
}
