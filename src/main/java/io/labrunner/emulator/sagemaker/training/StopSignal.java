package io.labrunner.emulator.sagemaker.training;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** StopTrainingJob's request to a running job, which it checks between steps and while it waits. */
final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

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
