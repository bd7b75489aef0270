package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.target.EmbeddedTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Benchmarks() {
    }

    /** Arguments: lab ids to time (default s3-data-formats), or {@code --s3-only} for the S3 throughput rows alone. */
    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        if (Arrays.asList(args).contains("--s3-only")) {
            addS3Rows(rows);
            print(rows);
            return;
        }
        // ./lab runs the JVM with C1 only and a class-data archive written by a first run; measure both ways.
        Path archive = Files.createTempDirectory("lab-bench-cds-").resolve("classes.jsa");
        List<String> launcher = List.of("-XX:TieredStopAtLevel=1", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:SharedArchiveFile=" + archive);
        secondsToExit(javaCommand(List.of("-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive),
                "run", labs(args).get(0), "--no-color"));
        rows.add(new String[] {"JVM start → first S3 response (plain JVM)", fmt(median(RUNS, () -> firstResponse(List.of()))) + " s", ""});
        rows.add(new String[] {"JVM start → first S3 response (as ./lab runs)", fmt(median(RUNS, () -> firstResponse(launcher))) + " s", "< 1.5 s"});
        for (String lab : labs(args)) {
            double plain = median(3, () -> secondsToExit(javaCommand(List.of(), "run", lab, "--no-color")));
            double wall = median(3, () -> secondsToExit(javaCommand(launcher, "run", lab, "--no-color")));
            rows.add(new String[] {"lab run " + lab + " (plain JVM)", fmt(plain) + " s", ""});
            rows.add(new String[] {"lab run " + lab + " (as ./lab runs)", fmt(wall) + " s", "< 4 s"});
        }
        addS3Rows(rows);
        print(rows);
    }

    private static void addS3Rows(List<String[]> rows) throws IOException {
        double[] s3 = s3Throughput(64);
        rows.add(new String[] {"S3 put 64 MiB", fmt(s3[0]) + " MB/s", ""});
        rows.add(new String[] {"S3 get 64 MiB", fmt(s3[1]) + " MB/s", ""});
        rows.add(new String[] {"file copy 64 MiB, same disk", fmt(s3[2]) + " MB/s", ""});
        rows.add(new String[] {"S3 put+get vs file copy", fmt(s3[3] / s3[2]) + " ×", "≥ 0.5 ×"});
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
                // A new key each run, deleted untimed like the copy: overwriting a key would charge the put
                // for freeing the previous 64 MiB file (about 60 ms in a rename over it), which the copy never pays.
                String key = "big-" + i + ".bin";
                long t0 = System.nanoTime();
                s3.putObject(b -> b.bucket("bench").key(key), RequestBody.fromFile(source));
                long t1 = System.nanoTime();
                s3.getObject(b -> b.bucket("bench").key(key), ResponseTransformer.toFile(back));
                long t2 = System.nanoTime();
                Files.copy(source, dir.resolve("copy-" + i + ".bin"), StandardCopyOption.REPLACE_EXISTING);
                long t3 = System.nanoTime();
                put[i] = bytes / MIB / ((t1 - t0) / 1e9);
                get[i] = bytes / MIB / ((t2 - t1) / 1e9);
                copy[i] = bytes / MIB / ((t3 - t2) / 1e9);
                both[i] = bytes / MIB / ((t2 - t0) / 1e9 / 2);
                Files.delete(back);
                Files.delete(dir.resolve("copy-" + i + ".bin"));
                s3.deleteObject(b -> b.bucket("bench").key(key));
            }
            s3.deleteBucket(b -> b.bucket("bench"));
        } finally {
            Files.deleteIfExists(source);
        }
        return new double[] {median(put), median(get), median(copy), median(both)};
    }

    /** The lab CLI in a fresh JVM, from the packaged jar (class-data archives hold only classes from jars). */
    static List<String> javaCommand(List<String> jvmOptions, String... args) {
        List<String> classpath = new ArrayList<>(List.of(Path.of("target", "lab-runner.jar").toAbsolutePath().toString()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                classpath.add(entry);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath), "io.labrunner.cli.Main"));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Seconds from launching {@code lab emulator --port 0} to its first answered S3 ListBuckets. */
    private static double firstResponse(List<String> jvmOptions) throws Exception {
        Path home = Files.createTempDirectory("lab-bench-home-");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(javaCommand(jvmOptions, "emulator", "--port", "0", "--no-color"))
                .redirectErrorStream(true);
        builder.environment().put("LAB_RUNNER_HOME", home.toString());
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("Emulator serving on ")) {
                    URI endpoint = URI.create(line.substring("Emulator serving on ".length()).split(" ")[0]);
                    HttpRequest listBuckets = HttpRequest.newBuilder(endpoint.resolve("/"))
                            // A key the emulator does not know: only the signature's structure is checked.
                            .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request,"
                                    + " SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64))
                            .header("X-Amz-Date", "20260101T000000Z")
                            .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD").GET().build();
                    int status = HTTP.send(listBuckets, HttpResponse.BodyHandlers.discarding()).statusCode();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (status != 200) {
                        throw new IllegalStateException("ListBuckets answered " + status);
                    }
                    return seconds;
                }
            }
            throw new IllegalStateException("lab emulator ended without serving");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static double secondsToExit(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int status = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + String.join(" ", command));
        }
        return seconds;
    }

    @FunctionalInterface
    interface Measure {
        double seconds() throws Exception;
    }

    static double median(int runs, Measure measure) throws Exception {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = measure.seconds();
        }
        return median(values);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    static void print(List<String[]> rows) {
        System.out.printf(Locale.ROOT, "%n%-48s %14s %10s%n", "benchmark (median)", "result", "target");
        System.out.println("-".repeat(74));
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-48s %14s %10s%n", row[0], row[1], row[2]);
        }
    }
}
