package io.labrunner.emulator.athena;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/** Waiting for a query through the SDK; Athena has no waiter, so tests poll as labs do. */
final class AthenaSdkTestSupport {
    private AthenaSdkTestSupport() {
    }

    /** Polls GetQueryExecution until the query reaches a terminal state. */
    static QueryExecution await(AthenaClient athena, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            QueryExecution q = athena.getQueryExecution(g -> g.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = q.status().state();
            if (state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING) {
                return q;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("query " + id + " did not finish");
    }
}
