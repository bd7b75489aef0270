package io.labrunner.emulator.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 128-bit hash-key space: Kinesis maps a partition key to a hash key with MD5 and routes the
 * record to the open shard whose range contains it
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html).
 */
public final class HashKeys {
    /** 2^128 - 1, the largest hash key. */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private HashKeys() {
    }

    /** The hash key of a partition key: its UTF-8 MD5 digest as an unsigned 128-bit integer. */
    public static BigInteger of(String partitionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }

    /** True when {@code key} lies in [0, 2^128 - 1]. */
    public static boolean inRange(BigInteger key) {
        return key.signum() >= 0 && key.compareTo(MAX) <= 0;
    }

    /** Start of the i-th of n equal ranges, as CreateStream and UpdateShardCount divide the space. */
    public static BigInteger uniformStart(int i, int n) {
        return BigInteger.ONE.shiftLeft(128).multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
    }
}
