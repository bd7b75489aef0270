package io.labrunner.cli;

import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import java.util.List;
import java.util.Set;

/** Stands in for a lab this version no longer ships, so its leftovers can still be cleaned up. */
record UnknownLab(String id) implements Lab {

    @Override
    public LabInfo info() {
        return new LabInfo(id, "(a lab this version does not know)", "", "", "", List.of(), 0, "", Set.of());
    }

    @Override
    public void setup(LabContext ctx) {
        throw new UnsupportedOperationException("unknown lab " + id);
    }

    @Override
    public void solve(LabContext ctx) {
        throw new UnsupportedOperationException("unknown lab " + id);
    }

    @Override
    public List<Check> checks() {
        return List.of();
    }
}
