package io.labrunner.emulator.sagemaker.training;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Every training job of every region, written through to the state store. Names are unique regardless
 * of case, as SageMaker's ARNs (which lower-case the name) require.
 */
final class TrainingJobStore {
    /** The reason a job that was running when the emulator stopped is given when it comes back. */
    static final String INTERRUPTED = "InternalServerError: The emulator stopped while this training job was "
            + "running, so it did not finish. Start a new training job with another name.";

    private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final StateMap<TrainingJob> stored;
    /** Set when the emulator stops: runs still going may no longer change what is stored. */
    private boolean closed;

    TrainingJobStore(StateStore state) {
        this.stored = state.map("sagemaker.training-jobs", TrainingJob.class);
    }

    /**
     * Loads the stored jobs. A job that was still running ended with the emulator: it comes back Failed
     * (or Stopped, when it was being stopped), since its run cannot resume.
     */
    void load(Instant now) {
        stored.entries().forEach((key, job) -> {
            TrainingJob loaded = job;
            if (TrainingJob.STOPPING.equals(job.status())) {
                loaded = job.end(TrainingJob.STOPPED, "Stopped", "Training job stopped", null, List.of(), null, now);
            } else if (!job.ended()) {
                loaded = job.end(TrainingJob.FAILED, "Failed", "Training job failed", INTERRUPTED, List.of(), null, now);
            }
            jobs.put(key, loaded);
            if (loaded != job) {
                stored.put(key, loaded);
            }
        });
    }

    static String key(String region, String name) {
        return region + "/" + name.toLowerCase(Locale.ROOT);
    }

    /** Adds a new job; false when the region already has a job of that name. */
    synchronized boolean add(TrainingJob job) {
        String key = key(job.region(), job.name());
        if (jobs.containsKey(key)) {
            return false;
        }
        jobs.put(key, job);
        stored.put(key, job);
        return true;
    }

    /** Freezes the jobs as they are, for the emulator's stop: runs interrupted now are failed at the next load. */
    synchronized void close() {
        closed = true;
    }

    Optional<TrainingJob> get(String region, String name) {
        return Optional.ofNullable(jobs.get(key(region, name)));
    }

    /** Replaces a job with {@code change} of it, atomically; returns the new value. */
    synchronized TrainingJob update(String region, String name, UnaryOperator<TrainingJob> change) {
        String key = key(region, name);
        if (closed) {
            return jobs.get(key);
        }
        TrainingJob now = change.apply(jobs.get(key));
        jobs.put(key, now);
        stored.put(key, now);
        return now;
    }

    List<TrainingJob> inRegion(String region) {
        List<TrainingJob> out = new ArrayList<>();
        jobs.values().forEach(job -> {
            if (job.region().equals(region)) {
                out.add(job);
            }
        });
        return out;
    }
}
