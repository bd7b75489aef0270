package io.labrunner.bench;

import io.labrunner.core.PemTrust;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.tls.EmulatorCertificate;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * What serving HTTPS on the emulator's port costs at start-up, each number from a fresh JVM (class loading is
 * most of it): {@code Emulator.start()} with a temporary data folder (a new certificate every time) and with a
 * kept one (the certificate reused); the first plain-HTTP and first HTTPS answers after it; and making or loading
 * the certificate alone. With {@code --before CLASSES} (another build's {@code target/classes}) the same start-up
 * is measured on that build for comparison. Run with
 * {@code mvn -q -Pbench -DskipTests verify -Dbench=TlsStartupBenchmark}. Not a test: nothing here fails.
 */
public final class TlsStartupBenchmark {
    private static final int RUNS = 5;

    private TlsStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> argList = Arrays.asList(args);
        int before = argList.indexOf("--before");
        String classpath = System.getProperty("java.class.path");
        Path kept = Files.createTempDirectory("lab-bench-tls-");
        probe(classpath, "emulator", kept.toString()); // makes the certificate the kept-folder runs reuse
        List<Probed> probes = new ArrayList<>(List.of(
                new Probed(classpath, "emulator", ""), new Probed(classpath, "emulator", kept.toString()),
                new Probed(classpath, "certificate", ""), new Probed(classpath, "certificate", kept.toString())));
        if (before >= 0) {
            // The other build's classes first, this build's test classes for the probe, the same jars.
            List<String> entries = new ArrayList<>(List.of(Path.of(args[before + 1]).toAbsolutePath().toString()));
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.endsWith(File.separator + "classes")) {
                    entries.add(entry);
                }
            }
            String other = String.join(File.pathSeparator, entries);
            Path otherKept = Files.createTempDirectory("lab-bench-before-");
            probe(other, "emulator", otherKept.toString());
            probes.add(new Probed(other, "emulator", ""));
            probes.add(new Probed(other, "emulator", otherKept.toString()));
        }
        // Round by round, so a machine that gets busier part-way spoils every row alike.
        for (int i = 0; i < RUNS; i++) {
            for (Probed probed : probes) {
                probed.runs.add(probe(probed.classpath, probed.mode, probed.data));
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row("Emulator.start(), temp data (new certificate)", probes.get(0).median(0)));
        rows.add(row("Emulator.start(), kept data (certificate reused)", probes.get(1).median(0)));
        rows.add(row("  then first plain-HTTP S3 answer", probes.get(1).median(1)));
        rows.add(row("  then first HTTPS S3 answer (+ client TLS set-up)", probes.get(1).median(2)));
        rows.add(row("certificate made (EC P-256, self-signed)", probes.get(2).median(0)));
        rows.add(row("certificate loaded from the data folder", probes.get(3).median(0)));
        if (before >= 0) {
            rows.add(row("before: Emulator.start(), temp data", probes.get(4).median(0)));
            rows.add(row("before: Emulator.start(), kept data", probes.get(5).median(0)));
            rows.add(row("before:   then first plain-HTTP S3 answer", probes.get(5).median(1)));
        }
        Benchmarks.print(rows);
    }

    /** One kind of probe and what its runs measured. */
    private record Probed(String classpath, String mode, String data, List<double[]> runs) {
        Probed(String classpath, String mode, String data) {
            this(classpath, mode, data, new ArrayList<>());
        }

        double median(int column) {
            return Benchmarks.median(runs.stream().mapToDouble(run -> run[column]).toArray());
        }
    }

    private static String[] row(String name, double seconds) {
        return new String[] {name, String.format(Locale.ROOT, "%.0f ms", seconds * 1000), ""};
    }

    private static double[] probe(String classpath, String mode, String data) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", classpath, Probe.class.getName(), mode, data);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException("probe failed: " + String.join(" ", command));
        }
        String last = out.lines().reduce((a, b) -> b).orElseThrow();
        return Arrays.stream(last.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * One measurement in this JVM: prints seconds for start() (or the certificate alone), then the first
     * plain-HTTP answer and the first HTTPS answer, each counted from the same start.
     */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) throws Exception {
            String mode = args[0];
            Path data = args.length > 1 && !args[1].isEmpty() ? Path.of(args[1]) : null;
            long start = System.nanoTime();
            if (mode.equals("certificate")) {
                Path folder = data != null ? data : Files.createTempDirectory("lab-bench-cert-");
                EmulatorCertificate.loadOrCreate(folder, Clock.systemUTC());
                System.out.println((System.nanoTime() - start) / 1e9);
                return;
            }
            try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start()) {
                double started = (System.nanoTime() - start) / 1e9;
                HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                listBuckets(plain, emulator.getEndpoint());
                double plainAnswer = (System.nanoTime() - start) / 1e9;
                double httpsAnswer = Double.NaN;
                try {
                    SSLContext trusting = SSLContext.getInstance("TLS");
                    trusting.init(null, PemTrust.trustManagers(emulator.getCertificatePem()), null);
                    listBuckets(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting).build(),
                            emulator.getHttpsEndpoint());
                    httpsAnswer = (System.nanoTime() - start) / 1e9;
                } catch (NoSuchMethodError | NoClassDefFoundError olderBuild) {
                    // A build without HTTPS: nothing to measure.
                }
                System.out.println(started + " " + plainAnswer + " " + httpsAnswer);
            }
        }

        private static void listBuckets(HttpClient client, URI endpoint) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                    // A key the emulator does not know: only the signature's structure is checked.
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request,"
                            + " SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64))
                    .header("X-Amz-Date", "20260101T000000Z")
                    .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD").GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("ListBuckets answered " + status);
            }
        }
    }
}
