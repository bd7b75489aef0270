package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.PhaseResult;
import io.labrunner.core.report.RunListener;
import io.labrunner.labs.mlpipeline.MlPipelineLab;
import io.labrunner.target.EmbeddedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ml-pipeline lab's time on the embedded target: {@code lab run ml-pipeline} in a fresh JVM as {@code ./lab} runs
 * it (start-up, setup, both executions of the state machine, the checks and cleanup), and the same lab in this JVM,
 * phase by phase. Medians; run with {@code mvn -q -Pbench -DskipTests verify -Dbench=MlPipelineBenchmark}
 * ({@code -Druns=N}, default 3). Not a test: machines are noisy, so nothing here fails.
 */
public final class MlPipelineBenchmark {
    private static final int RUNS = Integer.getInteger("runs", 3);

    private MlPipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        double[][] phases = new double[RUNS][];
        for (int i = 0; i < RUNS; i++) {
            phases[i] = inProcess();
        }
        String[] names = {"setup", "solve (two executions)", "checks (before and after)", "cleanup", "whole self-test"};
        for (int p = 0; p < names.length; p++) {
            final int phase = p;
            double[] values = Arrays.stream(phases).mapToDouble(run -> run[phase]).toArray();
            rows.add(new String[] {"ml-pipeline in process: " + names[p], Benchmarks.fmt(Benchmarks.median(values)) + " s", ""});
        }
        if (Files.exists(Path.of("target", "lab-runner.jar"))) {
            double wall = Benchmarks.median(RUNS, () -> secondsToExit(Benchmarks.javaCommand(
                    List.of("-XX:TieredStopAtLevel=1"), "run", "ml-pipeline", "--no-color")));
            rows.add(new String[] {"lab run ml-pipeline (fresh JVM, C1)", Benchmarks.fmt(wall) + " s", "< 20 s"});
        }
        Benchmarks.print(rows);
    }

    /** One self-test in this JVM: seconds per phase (checks summed over both rounds), then the whole. */
    private static double[] inProcess() throws Exception {
        Path home = Files.createTempDirectory("lab-bench-mlp-");
        try (EmbeddedTarget target = EmbeddedTarget.start(null);
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials(),
                     target.tlsEndpoint())) {
            LabRunner runner = new LabRunner(target.name(), target.capabilities(), clients, new StateDirectory(home),
                    RunListener.NONE, Clock.systemUTC()).at(target.location());
            long start = System.nanoTime();
            LabResult result = runner.selfTest(new MlPipelineLab());
            double whole = (System.nanoTime() - start) / 1e9;
            if (!result.outcome().name().equals("PASSED")) {
                throw new IllegalStateException("ml-pipeline self-test " + result.outcome() + ": " + result.message());
            }
            double[] seconds = new double[5];
            for (PhaseResult phase : result.phases()) {
                double s = phase.duration().toNanos() / 1e9;
                switch (phase.name()) {
                    case "setup" -> seconds[0] += s;
                    case "solve" -> seconds[1] += s;
                    case "cleanup" -> seconds[3] += s;
                    default -> seconds[2] += s;
                }
            }
            seconds[4] = whole;
            System.out.printf(Locale.ROOT, "run: %s%n", Arrays.toString(seconds));
            return seconds;
        }
    }

    private static double secondsToExit(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("lab run ml-pipeline exited " + status);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
