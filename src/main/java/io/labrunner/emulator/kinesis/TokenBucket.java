package io.labrunner.emulator.kinesis;

/**
 * A token bucket refilled continuously at a fixed rate per second, holding at most one second's
 * worth. Reads may overdraw it: AWS lets one GetRecords return up to 10 MiB and then throttles the
 * shard until the 2 MiB/s allowance has paid the debt back
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html).
 */
final class TokenBucket {
    private final double ratePerSecond;
    private double tokens;
    private long lastMillis;

    TokenBucket(double ratePerSecond, long nowMillis) {
        this.ratePerSecond = ratePerSecond;
        this.tokens = ratePerSecond;
        this.lastMillis = nowMillis;
    }

    /** Tokens available now (negative while in debt). */
    double available(long nowMillis) {
        refill(nowMillis);
        return tokens;
    }

    /** True, and the tokens taken, when {@code amount} tokens are available. */
    boolean tryTake(double amount, long nowMillis) {
        refill(nowMillis);
        if (tokens < amount) {
            return false;
        }
        tokens -= amount;
        return true;
    }

    /** Takes {@code amount} tokens even if that leaves the bucket in debt. */
    void overdraw(double amount, long nowMillis) {
        refill(nowMillis);
        tokens -= amount;
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(ratePerSecond, tokens + ratePerSecond * (nowMillis - lastMillis) / 1000.0);
            lastMillis = nowMillis;
        }
    }
}
