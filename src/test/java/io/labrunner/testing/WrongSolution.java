package io.labrunner.testing;

import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.RunNames;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import java.util.List;
import java.util.Map;

/** A lab with its reference solution swapped for a plausible wrong one, to show which check catches it. */
public record WrongSolution(Lab lab, Solution wrong) implements Lab {

    @FunctionalInterface
    public interface Solution {
        void solve(LabContext ctx) throws Exception;
    }

    @Override
    public LabInfo info() {
        return lab.info();
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        lab.setup(ctx);
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        wrong.solve(ctx);
    }

    @Override
    public List<Check> checks() {
        return lab.checks();
    }

    @Override
    public Map<String, String> names(RunNames run) {
        return lab.names(run);
    }

    @Override
    public void cleanup(LabContext ctx) throws Exception {
        lab.cleanup(ctx);
    }

    /** The outcome of the check whose name contains {@code nameContains}. */
    public static CheckOutcome outcome(LabResult result, String nameContains) {
        return result.checks().stream().filter(c -> c.name().contains(nameContains)).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + nameContains + "' in " + result.checks()
                        + "; phases " + result.phases() + " " + result.message()));
    }
}
