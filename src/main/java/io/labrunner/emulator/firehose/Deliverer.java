package io.labrunner.emulator.firehose;

import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.access.ServiceAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers records and delivers them to S3. Records are buffered per delivery stream and written when
 * the buffer reaches its {@code SizeInMBs} or its oldest record has waited {@code IntervalInSeconds},
 * whichever comes first, by a background thread that also reads Kinesis sources. A converting stream's
 * batches go through {@link FormatConverter} outside the lock. Holds the lock of {@link DeliveryStreams}
 * whenever it touches a stream.
 */
final class Deliverer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

    private final FirehoseSettings settings;
    private final ObjectStore store;
    private final KinesisApi kinesis;
    private final GlueTables glue;
    private final DeliveryStreams streams;
    private final FirehoseStore stored;
    private final ServiceAccess access;
    private final ScheduledExecutorService background;

    /**
     * Starts the background deliverer unless the settings turn it off. Streams write to S3 and read their Kinesis
     * source with their roles' permissions as {@code access} decides them.
     */
    Deliverer(FirehoseSettings settings, ObjectStore store, KinesisApi kinesis, GlueTables glue,
              DeliveryStreams streams, FirehoseStore stored, ServiceAccess access) {
        this.settings = settings;
        this.access = access;
        this.store = store;
        this.kinesis = kinesis;
        this.glue = glue;
        this.streams = streams;
        this.stored = stored;
        if (settings.background()) {
            background = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lab-emulator-firehose"));
            long tick = settings.tick().toMillis();
            background.scheduleWithFixedDelay(this::deliverQuietly, tick, tick, TimeUnit.MILLISECONDS);
        } else {
            background = null;
        }
    }

    /**
     * Adds one record, delivering first if it would take the buffer past its size hint. False when the
     * stream's undelivered backlog is full because its destination keeps failing: the record is not taken.
     * The caller holds the lock.
     */
    boolean accept(DeliveryStream stream, byte[] data, long now) {
        DeliveryBuffer buffer = stream.buffer();
        long limit = stream.destination().sizeLimitBytes();
        if (!buffer.isEmpty() && buffer.bytes() + data.length > limit) {
            flush(stream);
        }
        if (stream.pendingBytes() + data.length > backlogLimit(stream)) {
            return false;
        }
        buffer.add(data, now);
        if (buffer.bytes() >= limit) {
            flush(stream);
        }
        return true;
    }

    /** Undelivered bytes a stream holds while its destination fails: two buffers' worth. */
    private static long backlogLimit(DeliveryStream stream) {
        return 2 * stream.destination().sizeLimitBytes();
    }

    /**
     * Delivers a full or due buffer. A converting stream's buffer is sealed instead, and converted by
     * {@link #deliverDue()} outside the lock: converting up to 128 MiB with DuckDB takes seconds, during which
     * puts must not wait.
     */
    private void flush(DeliveryStream stream) {
        if (stream.destination().converting()) {
            stream.seal();
        } else {
            deliver(stream);
        }
    }

    /**
     * Writes the buffer to S3 as one object. A missing bucket or a refused write keeps the records buffered
     * and retried, as Firehose retries a failing S3 destination (for up to 24 hours on AWS); the records
     * leave the buffer only once their object is written.
     */
    private void deliver(DeliveryStream stream) {
        DeliveryBuffer buffer = stream.buffer();
        S3Destination destination = stream.destination();
        if (buffer.isEmpty() || !store.bucketExists(destination.bucket())) {
            return;
        }
        String key = Prefixes.objectKey(destination, stream.name(), stream.version(),
                Instant.ofEpochMilli(buffer.oldestArrivalMillis()));
        try {
            asRole(destination).put(destination.bucket(), key, buffer.body(destination.gzip()));
        } catch (RuntimeException e) {
            deliveryFailed(stream, key, e);
            return;
        }
        buffer.drainEntries();
        stream.deliveredKeys().add(key);
        streams.failing().remove(stream);
    }

    /** The destination bucket as the destination's role may write to it. */
    private ObjectStore asRole(S3Destination destination) {
        return new RoleObjectStore(store, access, destination.roleArn());
    }

    /** Logs the first failure of a streak once; the records stay pending and the next tick retries. */
    private void deliveryFailed(DeliveryStream stream, String key, RuntimeException e) {
        if (streams.failing().add(stream)) {
            LOG.warn("Firehose {} cannot deliver to s3://{}/{} and keeps its records buffered: {}", stream.name(),
                    stream.destination().bucket(), key, e.getMessage());
        }
    }

    /**
     * Converts each sealed batch to one Parquet object and writes the records that did not convert to the
     * error output under {@code format-conversion-failed}, as Firehose does
     * (https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion-error-handling.html). Runs
     * outside the lock; a missing bucket keeps the batches sealed and retried.
     */
    private void deliverConverted(DeliveryStream stream) {
        S3Destination destination = stream.destination();
        if (!store.bucketExists(destination.bucket())) {
            return;
        }
        List<List<DeliveryBuffer.Entry>> batches;
        synchronized (streams) {
            batches = stream.takeSealed();
        }
        FormatConversion conversion = destination.conversion();
        for (int i = 0; i < batches.size(); i++) {
            List<DeliveryBuffer.Entry> entries = batches.get(i);
            Instant oldest = Instant.ofEpochMilli(entries.get(0).arrivalMillis());
            FormatConverter.Result result = FormatConverter.convert(conversion, glue, entries);
            String dataKey = result.parquet() == null ? null
                    : Prefixes.objectKey(destination, stream.name(), stream.version(), oldest);
            String errorKey = result.failures().isEmpty() ? null : Prefixes.errorKey(destination, stream.name(),
                    stream.version(), oldest, ErrorOutput.FORMAT_CONVERSION_FAILED);
            try {
                // The error output is checked first: a batch is retried whole, so its data object is written last.
                ObjectStore target = asRole(destination);
                if (errorKey != null) {
                    target.put(destination.bucket(), errorKey,
                            ErrorOutput.body(result.failures(), conversion.schema(), now()));
                }
                if (dataKey != null) {
                    target.put(destination.bucket(), dataKey, result.parquet());
                }
            } catch (RuntimeException e) {
                synchronized (streams) {
                    stream.returnSealed(batches.subList(i, batches.size()));
                    deliveryFailed(stream, dataKey != null ? dataKey : errorKey, e);
                }
                return;
            }
            synchronized (streams) {
                if (errorKey != null) {
                    stream.deliveredKeys().add(errorKey);
                }
                if (dataKey != null) {
                    stream.deliveredKeys().add(dataKey);
                }
                streams.failing().remove(stream);
            }
        }
    }

    /**
     * Settles status changes, reads Kinesis sources and delivers every buffer whose interval has
     * passed. The background deliverer calls this every tick; tests with a manual clock call it directly.
     */
    void deliverDue() {
        List<Map.Entry<String, DeliveryStream>> sources = new ArrayList<>();
        synchronized (streams) {
            long now = now();
            for (Map.Entry<String, Map<String, DeliveryStream>> region : streams.byRegion().entrySet()) {
                streams.settle(region.getValue(), now);
                for (DeliveryStream s : region.getValue().values()) {
                    // A stream whose destination fails stops reading its source until its backlog drains.
                    if (s.status() == DeliveryStatus.ACTIVE && s.sourceStreamArn() != null
                            && s.pendingBytes() < backlogLimit(s)
                            && s.sourcePollDue(now, settings.sourcePollInterval().toMillis())) {
                        sources.add(Map.entry(region.getKey(), s));
                    }
                }
            }
        }
        for (Map.Entry<String, DeliveryStream> source : sources) {
            if (maySourceRead(source.getValue())) {
                KinesisSourceReader.read(kinesis, source.getKey(), source.getValue(), this::acceptFromSource);
            }
        }
        List<DeliveryStream> converting = new ArrayList<>();
        synchronized (streams) {
            long now = now();
            for (Map<String, DeliveryStream> region : streams.byRegion().values()) {
                for (DeliveryStream s : region.values()) {
                    if (s.status() == DeliveryStatus.ACTIVE && s.intervalDue(now)) {
                        flush(s);
                    }
                    if (s.hasSealed()) {
                        converting.add(s);
                    }
                }
            }
        }
        converting.forEach(this::deliverConverted);
        synchronized (streams) {
            stored.save(streams.byRegion());
        }
    }

    /**
     * Whether the source's role may read its Kinesis stream as Firehose does (DescribeStream, GetShardIterator,
     * GetRecords: https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html). A role that may not
     * leaves the records in Kinesis, read once the role is fixed, as long as the stream keeps them.
     */
    private boolean maySourceRead(DeliveryStream stream) {
        for (String action : new String[] {"kinesis:DescribeStream", "kinesis:GetShardIterator", "kinesis:GetRecords"}) {
            Optional<Denial> denial = access.check(stream.sourceRoleArn(), RoleObjectStore.SESSION,
                    AccessRequest.of(action, stream.sourceStreamArn()));
            if (denial.isPresent()) {
                boolean first;
                synchronized (streams) {
                    first = streams.failing().add(stream);
                }
                if (first) {
                    LOG.warn("Firehose {} cannot read its source and leaves the records in Kinesis: "
                            + "Kinesis.AccessDenied: {}", stream.name(), denial.get().message(false));
                }
                return false;
            }
        }
        return true;
    }

    private void acceptFromSource(DeliveryStream stream, byte[] data) {
        synchronized (streams) {
            if (stream.status() == DeliveryStatus.ACTIVE) {
                accept(stream, data, now());
            }
        }
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // One failed round must not stop the deliverer: the next tick tries again.
            LOG.warn("Firehose delivery failed", e);
        }
    }

    private long now() {
        return settings.clock().millis();
    }

    /**
     * Stops the background deliverer and delivers every buffer, due or not, so a graceful stop of the
     * emulator loses no record it accepted (a bucket that is gone keeps its records undelivered, as while
     * running).
     */
    @Override
    public void close() {
        if (background != null) {
            background.shutdownNow();
            try {
                background.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<DeliveryStream> converting = new ArrayList<>();
        synchronized (streams) {
            for (Map<String, DeliveryStream> region : streams.byRegion().values()) {
                for (DeliveryStream s : region.values()) {
                    if (s.status() == DeliveryStatus.ACTIVE) {
                        flush(s);
                    }
                    if (s.hasSealed()) {
                        converting.add(s);
                    }
                }
            }
        }
        try {
            converting.forEach(this::deliverConverted);
        } catch (RuntimeException e) {
            LOG.warn("Firehose could not deliver its buffers on stop", e);
        }
        synchronized (streams) {
            stored.save(streams.byRegion());
        }
    }
}
