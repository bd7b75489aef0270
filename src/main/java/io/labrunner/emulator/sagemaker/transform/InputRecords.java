package io.labrunner.emulator.sagemaker.transform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One input object read as Batch Transform reads it: decompressed when CompressionType is Gzip, then
 * cut into records at line ends when SplitType is Line, or sent whole when it is None.
 */
final class InputRecords {
    private InputRecords() {
    }

    /**
     * The object's content, decompressed.
     *
     * @throws IllegalArgumentException when Gzip is declared but the object is not gzip data
     */
    static byte[] decompress(byte[] body, String compressionType) {
        if (!"Gzip".equals(compressionType)) {
            return body;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("the object is not gzip data (CompressionType is Gzip): "
                    + e.getMessage());
        }
    }

    /** The object's lines, without their line ends; blank lines carry no record and are skipped. */
    static List<String> lines(byte[] content) {
        List<String> records = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
            String record = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!record.isBlank()) {
                records.add(record);
            }
        }
        return records;
    }

    /**
     * The records a container finds in one request body that was sent whole: one per line for line-based
     * formats (CSV, LibSVM, JSON Lines), the whole body for anything else (a JSON document).
     */
    static List<String> recordsOfWholeBody(byte[] content, String contentType) {
        String type = contentType == null ? "text/csv" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("csv") || type.contains("libsvm") || type.contains("jsonlines")) {
            return lines(content);
        }
        return List.of(new String(content, StandardCharsets.UTF_8));
    }
}
