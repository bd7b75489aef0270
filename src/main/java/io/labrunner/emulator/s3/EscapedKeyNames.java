package io.labrunner.emulator.s3;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The reversible, file-name-safe name under which a key the folder layout cannot hold is kept in the
 * escaped store: the key's UTF-8 bytes in lower-case base32 (letters and digits only, so no '.', '/', NUL
 * or case clash), cut into segments short enough for any file system. Every segment but the last ends in
 * '_', which base32 never produces, so no key's name is a folder of another key's name.
 */
final class EscapedKeyNames {
    /** Leaves room in a 255-byte file name for the store's temporary and multipart suffixes. */
    static final int SEGMENT_CHARS = 180;
    private static final char CONTINUED = '_';
    private static final BaseEncoding BASE32 = BaseEncoding.base32().lowerCase().omitPadding();

    private EscapedKeyNames() {
    }

    /** The escaped store's key for {@code key}. */
    static String encode(String key) {
        String encoded = BASE32.encode(key.getBytes(StandardCharsets.UTF_8));
        StringBuilder name = new StringBuilder(encoded.length() + encoded.length() / SEGMENT_CHARS * 2);
        for (int start = 0; start < encoded.length(); start += SEGMENT_CHARS) {
            int end = Math.min(encoded.length(), start + SEGMENT_CHARS);
            name.append(encoded, start, end);
            if (end < encoded.length()) {
                name.append(CONTINUED).append('/');
            }
        }
        return name.toString();
    }

    /** The key {@code name} stands for, or empty when {@code name} is not one this class made. */
    static Optional<String> decode(String name) {
        String[] segments = name.split("/", -1);
        StringBuilder encoded = new StringBuilder(name.length());
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (!last) {
                if (segment.length() != SEGMENT_CHARS + 1 || segment.charAt(SEGMENT_CHARS) != CONTINUED) {
                    return Optional.empty();
                }
                segment = segment.substring(0, SEGMENT_CHARS);
            }
            encoded.append(segment);
        }
        if (encoded.length() == 0 || !BASE32.canDecode(encoded)) {
            return Optional.empty();
        }
        return Optional.of(new String(BASE32.decode(encoded), StandardCharsets.UTF_8));
    }
}
