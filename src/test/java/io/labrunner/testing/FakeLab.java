package io.labrunner.testing;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import java.util.List;
import java.util.Set;

/** A lab with no phases, for tests that need only its metadata. */
public record FakeLab(String id, Set<Capability> capabilities) implements Lab {

    public FakeLab(String id) {
        this(id, Set.of(Capability.S3));
    }

    @Override
    public LabInfo info() {
        return new LabInfo(id, "Fake " + id, "A lab for tests.", "1 Data Preparation for ML",
                "1.1 Ingest and store data", List.of("Amazon S3"), 5, "$0", capabilities);
    }

    @Override
    public void setup(LabContext ctx) {
    }

    @Override
    public void solve(LabContext ctx) {
    }

    @Override
    public List<Check> checks() {
        return List.of();
    }
}
