package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a Parallel state's branches or a Map state's iterations, at most {@code maxConcurrency} at a time (0: all
 * at once), each in its own frame. The first failure cancels the others and is rethrown once they have stopped.
 */
final class Fanout {
    /** One branch or iteration: records its own start and end events around running its states. */
    interface Job {
        JsonNode run(Frame frame);

        /** Called for a job that had started when another one failed. */
        default void aborted(Frame frame, Track failed) {
        }
    }

    /** What failed, and the line of events it failed on. */
    record Failure(StateFailure failure, Track track) {
    }

    private final StateRun run;
    private final Frame[] frames;
    private final boolean[] finished;
    private final AtomicReference<Failure> failure = new AtomicReference<>();

    private Fanout(StateRun run, int count) {
        this.run = run;
        this.frames = new Frame[count];
        this.finished = new boolean[count];
    }

    /**
     * Runs {@code jobs}, returning their results in order.
     *
     * @throws Failed carrying the first failure
     */
    static List<JsonNode> run(StateRun run, List<Job> jobs, int maxConcurrency) {
        return new Fanout(run, jobs.size()).runAll(jobs, maxConcurrency);
    }

    private List<JsonNode> runAll(List<Job> jobs, int maxConcurrency) {
        JsonNode[] results = new JsonNode[jobs.size()];
        Execution execution = run.execution();
        if (maxConcurrency == 1) {
            for (int i = 0; i < jobs.size() && failure.get() == null; i++) {
                runOne(jobs.get(i), i, results);
            }
        } else {
            int permits = maxConcurrency <= 0 ? Math.max(jobs.size(), 1) : maxConcurrency;
            Semaphore slots = new Semaphore(permits);
            // Completed by the job itself before it wakes the waiters (a pool Future is done only after that).
            List<java.util.concurrent.CompletableFuture<Void>> started = new ArrayList<>();
            try {
                for (int i = 0; i < jobs.size() && failure.get() == null; i++) {
                    acquire(slots, execution);
                    if (failure.get() != null) {
                        slots.release();
                        break;
                    }
                    int index = i;
                    java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();
                    started.add(ended);
                    execution.threads().execute(() -> {
                        try {
                            runOne(jobs.get(index), index, results);
                        } finally {
                            slots.release();
                            ended.complete(null);
                            execution.wake();
                        }
                    });
                }
            } finally {
                for (java.util.concurrent.CompletableFuture<Void> job : started) {
                    execution.await(new Scope(null), Long.MAX_VALUE, job::isDone);
                }
            }
        }
        Failure failed = failure.get();
        if (failed != null) {
            for (int i = 0; i < frames.length; i++) {
                if (frames[i] != null && !finished[i] && frames[i].track() != failed.track()) {
                    jobs.get(i).aborted(frames[i], failed.track());
                }
            }
            throw new Failed(failed);
        }
        execution.checkRunning(run.frame.scope());
        List<JsonNode> list = new ArrayList<>(results.length);
        for (JsonNode result : results) {
            list.add(result);
        }
        return list;
    }

    private void acquire(Semaphore slots, Execution execution) {
        execution.await(run.frame.scope(), Long.MAX_VALUE, () -> failure.get() != null || slots.tryAcquire());
    }

    private void runOne(Job job, int index, JsonNode[] results) {
        if (failure.get() != null) {
            return;
        }
        Frame frame = run.frame.inner(run.frame.track().last());
        synchronized (frames) {
            frames[index] = frame;
        }
        try {
            results[index] = job.run(frame);
            finished[index] = true;
        } catch (StateFailure e) {
            finished[index] = true;
            if (failure.compareAndSet(null, new Failure(e, frame.track()))) {
                for (Frame other : snapshot()) {
                    if (other != null && other != frame) {
                        other.scope().cancel();
                    }
                }
            }
        } catch (Execution.Ended e) {
            // cancelled because another branch failed, or the execution ended
        } finally {
            frame.scope().close();
        }
    }

    private Frame[] snapshot() {
        synchronized (frames) {
            return frames.clone();
        }
    }

    /** A branch or iteration failed; the state records its failure event and rethrows {@link #failure()}. */
    static final class Failed extends RuntimeException {
        private final Failure failure;

        Failed(Failure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }

        StateFailure failure() {
            return failure.failure();
        }

        Track track() {
            return failure.track();
        }
    }
}
