package io.labrunner.core.report;

import java.time.Duration;
import java.util.List;

/** The result of one command over one or more labs. */
public record RunReport(List<LabResult> labs, Duration duration) {

    public RunReport {
        labs = List.copyOf(labs);
    }

    public long count(Outcome outcome) {
        return labs.stream().filter(l -> l.outcome() == outcome).count();
    }

    public boolean ok() {
        return labs.stream().noneMatch(l -> l.outcome() == Outcome.FAILED || l.outcome() == Outcome.ERROR);
    }
}
