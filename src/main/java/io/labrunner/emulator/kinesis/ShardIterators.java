package io.labrunner.emulator.kinesis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque shard iterators: a position in a shard plus the time the iterator was made, signed so a
 * client cannot forge or edit one. AWS expires an iterator 5 minutes after it was returned
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html).
 */
final class ShardIterators {
    static final long LIFETIME_MILLIS = 300_000;
    private static final int MAC_BYTES = 16;
    private static final DateTimeFormatter AMZ_UTC =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private final byte[] key = new byte[32];

    ShardIterators() {
        new SecureRandom().nextBytes(key);
    }

    /** What an iterator points at. */
    record Position(String streamName, long streamCreatedMillis, String shardId, long position, long issuedMillis) {
    }

    String issue(Position p) {
        String text = String.join("/", "1", Long.toString(p.issuedMillis()), Long.toString(p.streamCreatedMillis()),
                Long.toString(p.position()), p.shardId(), p.streamName());
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(body);
        byte[] token = Arrays.copyOf(mac, MAC_BYTES + body.length);
        System.arraycopy(body, 0, token, MAC_BYTES, body.length);
        return Base64.getEncoder().encodeToString(token);
    }

    /**
     * Reads an iterator back.
     *
     * @throws io.labrunner.emulator.AwsException InvalidArgumentException for anything not issued here,
     *                                            ExpiredIteratorException once it is older than 5 minutes
     */
    Position open(String iterator, long nowMillis) {
        Position p = decode(iterator);
        if (nowMillis - p.issuedMillis() > LIFETIME_MILLIS) {
            throw new io.labrunner.emulator.AwsException("ExpiredIteratorException", "Iterator expired. "
                    + "The iterator was created at time " + AMZ_UTC.format(Instant.ofEpochMilli(p.issuedMillis()))
                    + " while right now it is " + AMZ_UTC.format(Instant.ofEpochMilli(nowMillis))
                    + " which is further in the future than the tolerated delay of " + LIFETIME_MILLIS
                    + " milliseconds.", 400);
        }
        return p;
    }

    private Position decode(String iterator) {
        byte[] token;
        try {
            token = Base64.getDecoder().decode(iterator);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.invalidIterator();
        }
        if (token.length <= MAC_BYTES) {
            throw KinesisErrors.invalidIterator();
        }
        byte[] body = Arrays.copyOfRange(token, MAC_BYTES, token.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(token, MAC_BYTES), Arrays.copyOf(mac(body), MAC_BYTES))) {
            throw KinesisErrors.invalidIterator();
        }
        String[] parts = new String(body, StandardCharsets.UTF_8).split("/", 6);
        return new Position(parts[5], Long.parseLong(parts[2]), parts[4], Long.parseLong(parts[3]),
                Long.parseLong(parts[1]));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
