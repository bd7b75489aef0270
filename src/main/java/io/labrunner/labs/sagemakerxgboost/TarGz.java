package io.labrunner.labs.sagemakerxgboost;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The file names and sizes inside a {@code model.tar.gz}, read as {@code tar tzvf} would: a gzip
 * stream of 512-byte tar headers, each followed by its file's bytes padded to 512.
 */
final class TarGz {
    private TarGz() {
    }

    /** Each regular file's name and size, in archive order; throws for bytes that are not a gzipped tar. */
    static Map<String, Long> entries(byte[] tarGz) throws IOException {
        Map<String, Long> entries = new LinkedHashMap<>();
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(tarGz));
             DataInputStream tar = new DataInputStream(gzip)) {
            byte[] header = new byte[512];
            while (true) {
                try {
                    tar.readFully(header);
                } catch (EOFException end) {
                    return entries;
                }
                String name = text(header, 0, 100);
                if (name.isEmpty()) {
                    return entries;
                }
                long size = Long.parseLong(text(header, 124, 12).strip().isEmpty() ? "0" : text(header, 124, 12).strip(), 8);
                char type = (char) header[156];
                if (type == '0' || type == 0) {
                    entries.put(name.startsWith("./") ? name.substring(2) : name, size);
                }
                tar.skipNBytes((size + 511) / 512 * 512);
            }
        }
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
