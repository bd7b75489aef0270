package io.labrunner.core;

import java.util.List;
import java.util.Map;

/**
 * A hands-on lab: setup provisions what the learner starts from, solve is the reference solution,
 * checks judge the result, cleanup tears down. Every resource created through
 * {@link LabContext#create} is in the ledger and removed by the runner after {@link #cleanup},
 * so most labs need no cleanup code of their own.
 *
 * <p>Lab code speaks only the AWS SDK, through the clients its context gives it; the same code
 * runs on every target.
 */
public interface Lab {

    LabInfo info();

    void setup(LabContext ctx) throws Exception;

    void solve(LabContext ctx) throws Exception;

    List<Check> checks();

    /**
     * The names a learner works with, in the order the guide meets them: shell variable → value,
     * e.g. {@code BUCKET → lab-k3f9x2-data}. {@code lab start} fills them into the task and
     * {@code lab env} exports them. The guide's commands use them as {@code $BUCKET}.
     */
    default Map<String, String> names(RunNames run) {
        return Map.of();
    }

    /** Lab-specific teardown that runs before the ledger is drained. Must be idempotent. */
    default void cleanup(LabContext ctx) throws Exception {
    }
}
