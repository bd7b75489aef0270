package io.labrunner.labs.sagemakerxgboost;

import java.time.Duration;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How the labs poll SageMaker's waiters. The SDK's own training waiter polls every 120 seconds —
 * right for jobs that take ten minutes on AWS, far too slow for one that ends in a second on the
 * emulator. Polling soon and then ever less often suits both.
 */
public final class SageMakerWaits {
    private SageMakerWaits() {
    }

    /** First poll after 250 ms, doubling to at most one poll every 20 s, for up to an hour. */
    public static WaiterOverrideConfiguration soonThenSeldom() {
        return WaiterOverrideConfiguration.builder()
                .backoffStrategyV2(BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(250), Duration.ofSeconds(20)))
                .maxAttempts(200)
                .waitTimeout(Duration.ofHours(1))
                .build();
    }
}
