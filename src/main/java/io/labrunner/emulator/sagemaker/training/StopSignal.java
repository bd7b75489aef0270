package io.labrunner.emulator.sagemaker.training;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** StopTrainingJob's request to a running job, which it checks between steps and while it waits. */
final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean claimed = new AtomicBoolean();

    /**
     * Claims the job once, for its run when it gets an instance or for StopTrainingJob while it still
     * waits for one; false when the other got it first.
     */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    void stop() {
        stopped.countDown();
    }

    boolean requested() {
        return stopped.getCount() == 0;
    }

    /** Waits {@code time}; true when a stop came first (or the thread was interrupted, as at shutdown). */
    boolean await(Duration time) {
        if (time.isZero() || time.isNegative()) {
            return requested();
        }
        try {
            return stopped.await(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
