package io.labrunner.emulator.kinesis;

import java.math.BigInteger;

/**
 * Sequence numbers shaped like AWS's: 56 decimal digits, starting with 49. Ours encode the stream's
 * creation time, the shard's index and the record's position in the shard, so a number handed
 * back in GetShardIterator can be checked against the shard it is used with.
 */
final class SequenceNumbers {
    private static final String PREFIX = "49";
    private static final int MILLIS_DIGITS = 13;
    private static final int SHARD_DIGITS = 6;
    private static final int POSITION_DIGITS = 35;
    static final int LENGTH = PREFIX.length() + MILLIS_DIGITS + SHARD_DIGITS + POSITION_DIGITS;

    /** Position used for a closed shard's EndingSequenceNumber: above any record it can hold. */
    static final BigInteger END_POSITION = BigInteger.TEN.pow(POSITION_DIGITS).subtract(BigInteger.ONE);

    private SequenceNumbers() {
    }

    /** A decoded sequence number. */
    record Parts(long streamCreatedMillis, int shardIndex, BigInteger position) {
    }

    static String format(long streamCreatedMillis, int shardIndex, BigInteger position) {
        return PREFIX + pad(Long.toString(streamCreatedMillis), MILLIS_DIGITS)
                + pad(Integer.toString(shardIndex), SHARD_DIGITS)
                + pad(position.toString(), POSITION_DIGITS);
    }

    static String format(long streamCreatedMillis, int shardIndex, long position) {
        return format(streamCreatedMillis, shardIndex, BigInteger.valueOf(position));
    }

    /**
     * Decodes a sequence number.
     *
     * @throws IllegalArgumentException when it is not one of ours
     */
    static Parts parse(String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.length() != LENGTH || !sequenceNumber.startsWith(PREFIX)
                || !sequenceNumber.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a sequence number: " + sequenceNumber);
        }
        int at = PREFIX.length();
        long millis = Long.parseLong(sequenceNumber.substring(at, at + MILLIS_DIGITS));
        at += MILLIS_DIGITS;
        int shard = Integer.parseInt(sequenceNumber.substring(at, at + SHARD_DIGITS));
        at += SHARD_DIGITS;
        return new Parts(millis, shard, new BigInteger(sequenceNumber.substring(at)));
    }

    private static String pad(String digits, int width) {
        if (digits.length() > width) {
            throw new IllegalArgumentException(digits + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
