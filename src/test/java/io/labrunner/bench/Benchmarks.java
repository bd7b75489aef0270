package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.target.EmbeddedTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * Prints the numbers the project tracks: JVM start to first S3 response, a lab end to end, and S3
 * throughput next to a plain file copy on the same disk. Medians of a few runs; run with
 * {@code mvn -q -Pbench -DskipTests verify}. Not a test: machines are noisy, so nothing here fails.
 */
public final class Benchmarks {
    private static final int RUNS = 5;
    private static final int MIB = 1024 * 1024;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        double firstResponse = median(RUNS, () -> secondsUntilLine(javaCommand(FirstResponse.class.getName()), "first-response"));
        rows.add(new String[] {"JVM start → first S3 response", fmt(firstResponse) + " s", "< 1.5 s"});
        for (String lab : labs(args)) {
            double wall = median(3, () -> secondsToExit(javaCommand("io.labrunner.cli.Main", "run", lab, "--no-color")));
            rows.add(new String[] {"lab run " + lab + " (wall, JVM start included)", fmt(wall) + " s", "< 4 s"});
        }
        double[] s3 = s3Throughput(64);
        rows.add(new String[] {"S3 put 64 MiB", fmt(s3[0]) + " MB/s", ""});
        rows.add(new String[] {"S3 get 64 MiB", fmt(s3[1]) + " MB/s", ""});
        rows.add(new String[] {"file copy 64 MiB, same disk", fmt(s3[2]) + " MB/s", ""});
        rows.add(new String[] {"S3 put+get vs file copy", fmt(s3[3] / s3[2]) + " ×", "≥ 0.5 ×"});
        print(rows);
    }

    private static List<String> labs(String[] args) {
        return args.length > 0 ? Arrays.asList(args) : List.of("s3-data-formats");
    }

    /** put MB/s, get MB/s, copy MB/s, put+get MB/s (bytes moved twice over both times). */
    private static double[] s3Throughput(int mebibytes) throws IOException {
        Path dir = Files.createTempDirectory("lab-bench-");
        Path source = dir.resolve("source.bin");
        byte[] chunk = new byte[MIB];
        new Random(7).nextBytes(chunk);
        try (var out = Files.newOutputStream(source)) {
            for (int i = 0; i < mebibytes; i++) {
                out.write(chunk);
            }
        }
        double bytes = (double) mebibytes * MIB;
        double[] put = new double[RUNS];
        double[] get = new double[RUNS];
        double[] copy = new double[RUNS];
        double[] both = new double[RUNS];
        try (EmbeddedTarget target = EmbeddedTarget.start(dir.resolve("emulator"));
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            var s3 = clients.s3();
            s3.createBucket(b -> b.bucket("bench"));
            for (int i = 0; i < RUNS; i++) {
                Path back = dir.resolve("back-" + i + ".bin");
                long t0 = System.nanoTime();
                s3.putObject(b -> b.bucket("bench").key("big.bin"), RequestBody.fromFile(source));
                long t1 = System.nanoTime();
                s3.getObject(b -> b.bucket("bench").key("big.bin"), ResponseTransformer.toFile(back));
                long t2 = System.nanoTime();
                Files.copy(source, dir.resolve("copy-" + i + ".bin"), StandardCopyOption.REPLACE_EXISTING);
                long t3 = System.nanoTime();
                put[i] = bytes / MIB / ((t1 - t0) / 1e9);
                get[i] = bytes / MIB / ((t2 - t1) / 1e9);
                copy[i] = bytes / MIB / ((t3 - t2) / 1e9);
                both[i] = bytes / MIB / ((t2 - t0) / 1e9 / 2);
                Files.delete(back);
                Files.delete(dir.resolve("copy-" + i + ".bin"));
            }
            s3.deleteObject(b -> b.bucket("bench").key("big.bin"));
            s3.deleteBucket(b -> b.bucket("bench"));
        } finally {
            Files.deleteIfExists(source);
        }
        return new double[] {median(put), median(get), median(copy), median(both)};
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static double secondsUntilLine(List<String> command, String line) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = out.readLine(); l != null; l = out.readLine()) {
                if (l.equals(line)) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    process.waitFor();
                    return seconds;
                }
            }
        }
        throw new IllegalStateException("process ended without printing " + line + ": " + command);
    }

    private static double secondsToExit(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int status = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + String.join(" ", command.subList(4, command.size())));
        }
        return seconds;
    }

    @FunctionalInterface
    private interface Measure {
        double seconds() throws Exception;
    }

    private static double median(int runs, Measure measure) throws Exception {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = measure.seconds();
        }
        return median(values);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static void print(List<String[]> rows) {
        System.out.printf(Locale.ROOT, "%n%-48s %14s %10s%n", "benchmark (median)", "result", "target");
        System.out.println("-".repeat(74));
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-48s %14s %10s%n", row[0], row[1], row[2]);
        }
    }
}
