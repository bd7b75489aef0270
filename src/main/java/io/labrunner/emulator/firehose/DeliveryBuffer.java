package io.labrunner.emulator.firehose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Records waiting for delivery: Firehose concatenates them as they are, with no delimiter. */
final class DeliveryBuffer {
    private ByteArrayOutputStream data = new ByteArrayOutputStream();
    private int records;
    private long oldestArrivalMillis;

    boolean isEmpty() {
        return records == 0;
    }

    long bytes() {
        return data.size();
    }

    int records() {
        return records;
    }

    long oldestArrivalMillis() {
        return oldestArrivalMillis;
    }

    void add(byte[] record, long arrivalMillis) {
        if (records == 0) {
            oldestArrivalMillis = arrivalMillis;
        }
        data.write(record, 0, record.length);
        records++;
    }

    /** The buffer's content as one object body, and an empty buffer. */
    byte[] drain(boolean gzip) {
        byte[] body = data.toByteArray();
        data = new ByteArrayOutputStream();
        records = 0;
        return gzip ? gzip(body) : body;
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
