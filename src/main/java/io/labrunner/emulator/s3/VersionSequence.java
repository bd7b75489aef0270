package io.labrunner.emulator.s3;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.nio2blob.AbstractNio2BlobStore;

/**
 * Keeps version ids unique across restarts. S3Proxy's filesystem store names each version (its id, and the file
 * an earlier version is kept in) from one counter that starts at zero with the process: over a data folder that
 * survives a restart, the second run would mint ids the first already gave out and overwrite kept versions. The
 * counter is moved to the clock, in microseconds, before the store mints anything: each run then starts past
 * every id an earlier run could have minted, as long as it minted fewer than one per microsecond.
 */
final class VersionSequence {
    private static final String FIELD = "VERSION_SEQUENCE";

    private VersionSequence() {
    }

    /** Moves S3Proxy's version counter to now (never backwards); fails loudly if S3Proxy no longer has it. */
    static void continueFromClock() {
        try {
            Field field = AbstractNio2BlobStore.class.getDeclaredField(FIELD);
            field.setAccessible(true);
            AtomicLong counter = (AtomicLong) field.get(null);
            counter.accumulateAndGet(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()), Math::max);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("S3Proxy's version counter (" + AbstractNio2BlobStore.class.getName()
                    + "." + FIELD + ") was not found: check versioning after an S3Proxy upgrade", e);
        }
    }
}
