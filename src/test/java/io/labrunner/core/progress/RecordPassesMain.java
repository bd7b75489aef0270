package io.labrunner.core.progress;

import io.labrunner.core.report.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A second command, as a process of its own: records {@code count} passes named {@code <prefix><i>}. */
public final class RecordPassesMain {
    private RecordPassesMain() {
    }

    public static void main(String[] args) {
        ProgressStore store = new ProgressStore(Path.of(args[0]), Clock.systemUTC(), System.err::println);
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            store.recordPasses(List.of(ProgressStoreTest.result(args[1] + i, "check", Outcome.PASSED)));
        }
    }
}
