package io.labrunner.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * One named judgement of the lab's result.
 *
 * @param name  what is checked, as a sentence: "Parquet is smaller than CSV"
 * @param judge the code that looks at the target and decides
 * @param needs behaviour the check relies on that only some targets emulate (a shard's write
 *              limit); on a target without it the check is skipped with the reason, not passed
 */
public record Check(String name, Judge judge, Set<Capability> needs) {

    public Check {
        needs = Set.copyOf(needs);
    }

    @FunctionalInterface
    public interface Judge {
        CheckResult judge(LabContext ctx) throws Exception;
    }

    public static Check of(String name, Judge judge) {
        return new Check(name, judge, Set.of());
    }

    /** This check, judged only where the target offers {@code first} (and {@code more}); skipped elsewhere. */
    public Check needing(Capability first, Capability... more) {
        Set<Capability> all = EnumSet.of(first, more);
        all.addAll(needs);
        return new Check(name, judge, all);
    }
}
