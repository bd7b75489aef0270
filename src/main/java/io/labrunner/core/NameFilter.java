package io.labrunner.core;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Which resource names a listing keeps: those of one run, or those of any run. */
public final class NameFilter {
    /** The runner's names: {@code lab-} (or {@code lab_} for Glue), a six-character run id, a dash. */
    private static final Pattern RUN_NAME = Pattern.compile("lab[-_][a-z][a-z2-9]{5}[-_].+");

    private final String prefix;
    private final Predicate<String> test;

    private NameFilter(String prefix, Predicate<String> test) {
        this.prefix = prefix;
        this.test = test;
    }

    /** One run's names, {@code lab-<runid>-...} (Glue databases: {@code lab_<runid>_...}). */
    public static NameFilter ofRun(String runId) {
        String name = RunIds.resourceName(runId, "x");
        String stem = name.substring(0, name.length() - 1);
        String underscored = stem.replace('-', '_');
        return new NameFilter(stem, n -> n.startsWith(stem) || n.startsWith(underscored));
    }

    /** Every run's names. */
    public static NameFilter anyRun() {
        return new NameFilter("lab", n -> RUN_NAME.matcher(n).matches());
    }

    /**
     * A start that every kept name written with dashes has: what services that filter on the server (SageMaker's
     * NameContains, CloudWatch's AlarmNamePrefix) are given. Kept names are then checked with {@link #matches}.
     */
    public String prefix() {
        return prefix;
    }

    public boolean matches(String name) {
        return name != null && test.test(name);
    }
}
