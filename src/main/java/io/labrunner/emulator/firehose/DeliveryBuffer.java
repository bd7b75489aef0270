package io.labrunner.emulator.firehose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Records waiting for delivery, each with its arrival time. Delivered as they are, Firehose concatenates
 * them with no delimiter; converted, each is read on its own.
 */
final class DeliveryBuffer {
    /** One buffered record. */
    record Entry(byte[] data, long arrivalMillis) {
    }

    private List<Entry> entries = new ArrayList<>();
    private long bytes;

    boolean isEmpty() {
        return entries.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    int records() {
        return entries.size();
    }

    long oldestArrivalMillis() {
        return entries.isEmpty() ? 0 : entries.get(0).arrivalMillis();
    }

    void add(byte[] record, long arrivalMillis) {
        entries.add(new Entry(record, arrivalMillis));
        bytes += record.length;
    }

    /** The buffered records, oldest first, and an empty buffer. */
    List<Entry> drainEntries() {
        List<Entry> drained = entries;
        entries = new ArrayList<>();
        bytes = 0;
        return drained;
    }

    /** The buffer's content as one object body, and an empty buffer. */
    byte[] drain(boolean gzip) {
        byte[] body = body(gzip);
        drainEntries();
        return body;
    }

    /** The buffer's content as one object body; the records stay buffered until delivery succeeds. */
    byte[] body(boolean gzip) {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(bytes, Integer.MAX_VALUE - 8));
        for (Entry e : entries) {
            body.write(e.data(), 0, e.data().length);
        }
        return gzip ? gzip(body.toByteArray()) : body.toByteArray();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
