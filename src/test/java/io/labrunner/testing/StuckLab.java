package io.labrunner.testing;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A lab for Ctrl-C tests: setup creates a bucket, then waits for a learner who never comes — in
 * {@link LabContext#waitFor}, which an interrupt ends, or, if told to, in a loop that ignores
 * interrupts, as a call stuck on the network would.
 */
public final class StuckLab implements Lab {
    private final boolean ignoresInterrupts;
    private final CountDownLatch created = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public StuckLab(boolean ignoresInterrupts) {
        this.ignoresInterrupts = ignoresInterrupts;
    }

    @Override
    public LabInfo info() {
        return new LabInfo("stuck-lab", "A bucket, then a long wait", "For tests.", "1", "1.1",
                List.of("Amazon S3"), 1, "$0", Set.of(Capability.S3));
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = ctx.name("data");
        ctx.step("create bucket " + bucket,
                () -> ctx.create(Resource.bucket(bucket), () -> ctx.s3().createBucket(b -> b.bucket(bucket))));
        created.countDown();
        if (ignoresInterrupts) {
            while (released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException ignored) {
                    // Stuck on purpose.
                }
            }
        } else {
            ctx.waitFor("a learner who never comes", Duration.ofMinutes(5), Duration.ofMillis(50),
                    () -> released.getCount() == 0 ? Optional.of(true) : Optional.empty());
        }
    }

    @Override
    public void solve(LabContext ctx) {
    }

    /**
     * Tears down slowly when the system property {@code stuck.teardown.seconds} says so, so that a
     * test has time to press Ctrl-C a second time during the cleanup.
     */
    @Override
    public void cleanup(LabContext ctx) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(Long.getLong("stuck.teardown.seconds", 0)).toMillis());
    }

    @Override
    public List<Check> checks() {
        return List.of();
    }

    /** Whether setup has created its bucket within {@code timeout}. */
    public boolean awaitCreated(Duration timeout) throws InterruptedException {
        return created.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets setup go on. */
    public void release() {
        released.countDown();
    }
}
