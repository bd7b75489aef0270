package io.labrunner.emulator.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * IP address literals for the {@code cidr} operator, parsed without ever resolving a host name (only text that is
 * already an IPv4 or IPv6 literal reaches {@link InetAddress}).
 */
final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpAddresses() {
    }

    static boolean looksLikeIp(String text) {
        return IPV4.matcher(text).matches() || (text.indexOf(':') >= 0 && IPV6.matcher(text).matches());
    }

    /** The address's bytes (4 or 16), or null when {@code text} is not an IP literal. */
    static byte[] bytes(String text) {
        if (!looksLikeIp(text)) {
            return null;
        }
        try {
            byte[] address = InetAddress.getByName(text).getAddress();
            return address.length == 4 || address.length == 16 ? address : null;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    static boolean sameAddress(String a, String b) {
        byte[] left = bytes(a);
        byte[] right = bytes(b);
        return left != null && right != null && Arrays.equals(left, right);
    }

    static boolean within(String text, byte[] low, byte[] high) {
        byte[] address = bytes(text);
        return address != null && address.length == low.length
                && Arrays.compareUnsigned(address, low) >= 0 && Arrays.compareUnsigned(address, high) <= 0;
    }

    /**
     * The lowest and highest address of a CIDR block, refused in Event Ruler's words (its CIDR class), which AWS
     * reports without a position.
     */
    static ValueMatcher.Cidr cidr(String block) {
        String[] slashed = block.split("/");
        if (slashed.length != 2) {
            throw new IllegalArgumentException("Malformed CIDR, one '/' required");
        }
        int bits;
        try {
            bits = Integer.parseInt(slashed[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed CIDR, mask bits must be an integer");
        }
        if (bits < 0) {
            throw new IllegalArgumentException("Malformed CIDR, mask bits must not be negative");
        }
        byte[] address = bytes(slashed[0]);
        if (address == null) {
            throw new IllegalArgumentException("Nonstandard IP address: " + slashed[0]);
        }
        if (address.length == 4 && bits > 31) {
            throw new IllegalArgumentException("IPv4 mask bits must be < 32");
        }
        if (address.length == 16 && bits > 127) {
            throw new IllegalArgumentException("IPv6 mask bits must be < 128");
        }
        byte[] low = address.clone();
        byte[] high = address.clone();
        for (int bit = bits; bit < address.length * 8; bit++) {
            int index = bit / 8;
            int mask = 0x80 >>> (bit % 8);
            low[index] = (byte) (low[index] & ~mask);
            high[index] = (byte) (high[index] | mask);
        }
        return new ValueMatcher.Cidr(block, low, high);
    }
}
