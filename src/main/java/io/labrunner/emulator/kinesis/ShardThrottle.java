package io.labrunner.emulator.kinesis;

/**
 * The per-shard limits AWS enforces
 * (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html):
 * writes up to 1 MiB/s and 1,000 records/s, reads up to 5 GetRecords calls/s and 2 MiB/s.
 */
final class ShardThrottle {
    static final int MIB = 1024 * 1024;

    private final TokenBucket writeBytes;
    private final TokenBucket writeRecords;
    private final TokenBucket readCalls;
    private final TokenBucket readBytes;

    ShardThrottle(long nowMillis) {
        writeBytes = new TokenBucket(MIB, nowMillis);
        writeRecords = new TokenBucket(1000, nowMillis);
        readCalls = new TokenBucket(5, nowMillis);
        readBytes = new TokenBucket(2.0 * MIB, nowMillis);
    }

    /**
     * Admits one record of {@code bytes} (data plus partition key), or refuses it and takes nothing.
     * A largest record (1 MiB of data plus its key) still goes through on an idle shard.
     */
    boolean admitWrite(int bytes, long nowMillis) {
        if (writeRecords.available(nowMillis) < 1 || writeBytes.available(nowMillis) < Math.min(bytes, MIB)) {
            return false;
        }
        writeRecords.tryTake(1, nowMillis);
        writeBytes.overdraw(bytes, nowMillis);
        return true;
    }

    /** Admits one GetRecords call, unless the shard is over its call rate or still paying back a large read. */
    boolean admitRead(long nowMillis) {
        if (readBytes.available(nowMillis) <= 0 || readCalls.available(nowMillis) < 1) {
            return false;
        }
        return readCalls.tryTake(1, nowMillis);
    }

    /** Charges the bytes a GetRecords call returned. */
    void chargeRead(long bytes, long nowMillis) {
        readBytes.overdraw(bytes, nowMillis);
    }
}
