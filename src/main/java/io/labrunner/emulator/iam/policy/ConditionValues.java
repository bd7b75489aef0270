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

/** Reads condition values as the operators compare them: numbers, dates, IP addresses and CIDR blocks. */
final class ConditionValues {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
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
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** True when the address lies in the block ({@code 203.0.113.0/24}; a bare address is a block of one). */
    static boolean inBlock(String address, String block) {
        byte[] ip = address(address);
        int slash = block.indexOf('/');
        byte[] net = address(slash < 0 ? block : block.substring(0, slash));
        if (ip == null || net == null || ip.length != net.length) {
            return false;
        }
        int bits;
        try {
            bits = slash < 0 ? net.length * 8 : Integer.parseInt(block.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > net.length * 8) {
            return false;
        }
        for (int i = 0; i < net.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            int mask = keep == 0 ? 0 : (0xFF << (8 - keep)) & 0xFF;
            if ((ip[i] & mask) != (net[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
