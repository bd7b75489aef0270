package io.labrunner.emulator.iam.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Reads condition values as the operators compare them: numbers, dates, binary, IP addresses and CIDR blocks. */
final class ConditionValues {
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private ConditionValues() {
    }

    static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An ISO 8601 date or date-time, or seconds since the epoch (IAM User Guide, "Date condition operators"). */
    static Instant date(String text) {
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // other forms below
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // other forms below
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // other forms below
        }
        BigDecimal seconds = number(t);
        if (seconds == null) {
            return null;
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    static byte[] binary(String text) {
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The address's bytes; null for anything that is not an IPv4 or IPv6 literal (never a name lookup). */
    static byte[] address(String text) {
        String t = text.trim();
        byte[] v4 = ipv4(t);
        if (v4 != null || !IPV6.matcher(t).matches()) {
            return v4;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String t) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || value > 255 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** A CIDR block; null when the text is not one. */
    record Block(byte[] network, int bits) {
        boolean contains(byte[] ip) {
            if (ip == null || ip.length != network.length) {
                return false;
            }
            for (int i = 0; i < network.length; i++) {
                int keep = Math.max(0, Math.min(8, bits - i * 8));
                int mask = keep == 0 ? 0 : (0xFF << (8 - keep)) & 0xFF;
                if ((ip[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static Block block(String block) {
        int slash = block.indexOf('/');
        byte[] net = address(slash < 0 ? block : block.substring(0, slash));
        if (net == null) {
            return null;
        }
        int bits;
        try {
            bits = slash < 0 ? net.length * 8 : Integer.parseInt(block.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return null;
        }
        return bits < 0 || bits > net.length * 8 ? null : new Block(net, bits);
    }
}
