package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Lab;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.RunListener;
import io.labrunner.labs.LabCatalog;
import io.labrunner.target.EmbeddedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What enforcing IAM costs a lab: {@code lab run s3-glue-athena} on the embedded target with IAM enforcement off
 * and on (the crawler then reads the lake with its role's policies), in one JVM after a warm-up run of each, the two
 * alternating so that a busy machine slows both alike. Each run starts its own emulator, as {@code lab run} does.
 * Prints each run's outcome too: a run that does not pass with enforcement on means the lab's role is not enough.
 * Not a test: nothing here fails.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests verify -Dbench=IamEnforcementBenchmark [-Druns=N]
 * </pre>
 */
public final class IamEnforcementBenchmark {
    private static final String LAB = "s3-glue-athena";

    private IamEnforcementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 7);
        Lab lab = LabCatalog.builtIn().get(LAB);
        Path home = Files.createTempDirectory("lab-bench-iam-");
        run(lab, home, false);
        run(lab, home, true);
        double[] off = new double[runs];
        double[] on = new double[runs];
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run a = run(lab, home, false);
            Run b = run(lab, home, true);
            off[i] = a.seconds();
            on[i] = b.seconds();
            outcomes.add(a.outcome() + "/" + b.outcome());
            System.err.printf(Locale.ROOT, "run %d: off %.3f s (%s), on %.3f s (%s)%n", i + 1, a.seconds(), a.outcome(),
                    b.seconds(), b.outcome());
        }
        double medianOff = median(off);
        double medianOn = median(on);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"lab run " + LAB + ", IAM enforcement off (in-process)", fmt(medianOff) + " s", ""});
        rows.add(new String[] {"lab run " + LAB + ", IAM enforcement on (in-process)", fmt(medianOn) + " s", ""});
        rows.add(new String[] {"on / off", fmt(medianOn / medianOff) + " ×", "≤ 1.10 ×"});
        rows.add(new String[] {"outcomes off/on", String.join(" ", outcomes.stream().distinct().toList()), "PASSED/PASSED"});
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-58s %14s   %s%n", row[0], row[1], row[2]);
        }
    }

    private record Run(double seconds, String outcome) {
    }

    /** One {@code lab run}: a fresh emulator, setup → solve → checks → cleanup, the emulator closed. */
    private static Run run(Lab lab, Path home, boolean enforce) {
        long start = System.nanoTime();
        LabResult result;
        try (EmbeddedTarget target = EmbeddedTarget.start(null, enforce);
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            result = new LabRunner(target.name(), target.capabilities(), clients, new StateDirectory(home),
                    RunListener.NONE, Clock.systemUTC()).at(target.location()).run(lab, false);
        }
        return new Run((System.nanoTime() - start) / 1e9, result.outcome().toString());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
