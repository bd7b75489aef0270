package io.labrunner.bench;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.kinesis.KinesisService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * PutRecords and GetRecords throughput of the embedded Kinesis (throughput limits off) next to
 * kinesalite, with the same SDK v2 client in JSON (kinesalite's CBOR breaks on large batches) and the same
 * workload: a 4-shard stream, batches of 500 records of 1 KiB with random partition keys, then every
 * shard read from TRIM_HORIZON. Medians of 5 alternating runs after a warm-up. Not a test: nothing here fails.
 *
 * <p>Run: {@code mvn -o -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-classpath %classpath io.labrunner.bench.StreamingBenchmark"}. kinesalite is installed
 * with npm into a temporary folder (or taken from {@code -Dkinesalite.dir=DIR}, a folder holding
 * {@code node_modules/kinesalite}), started on a loopback port and stopped after.
 */
public final class StreamingBenchmark {
    private static final int SHARDS = 4;
    private static final int RECORDS = 20_000;
    private static final int RECORD_BYTES = 1024;
    private static final int RUNS = 5;

    private StreamingBenchmark() {
    }

    /** Throughput of one run: records per second and MB per second, for puts and for gets. */
    record Result(double putRecordsPerSecond, double putMbPerSecond, double getRecordsPerSecond, double getMbPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        // kinesalite 3.3.3 answers a 500-record PutRecords in CBOR with a truncated body the SDK cannot
        // parse, so both servers are measured in JSON (the SDK's CBOR switch off); the embedded
        // emulator's CBOR numbers are printed too. The client reads the switch when it is built.
        System.setProperty("aws.cborEnabled", "true");
        Process process = startKinesalite();
        try (Emulator server = Emulator.builder().port(0).service(new KinesisService(false)).build().start();
                KinesisClient cbor = client(server.getEndpoint())) {
            System.setProperty("aws.cborEnabled", "false");
            int port = Integer.parseInt(process.info().arguments()
                    .map(a -> a[Arrays.asList(a).indexOf("--port") + 1]).orElseThrow());
            try (KinesisClient ours = client(server.getEndpoint());
                    KinesisClient theirs = client(URI.create("http://127.0.0.1:" + port))) {
                // Warm both servers and the shared SDK code up before measuring, then alternate
                // runs so a busy moment of the machine does not land on one side only.
                run(ours, "warm-up", RECORDS);
                run(theirs, "warm-up", RECORDS);
                run(cbor, "warm-up-cbor", RECORDS);
                List<Result> emulator = new ArrayList<>();
                List<Result> kinesalite = new ArrayList<>();
                List<Result> emulatorCbor = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    emulator.add(run(ours, "emulator-" + i, RECORDS));
                    kinesalite.add(run(theirs, "kinesalite-" + i, RECORDS));
                    emulatorCbor.add(run(cbor, "emulator-cbor-" + i, RECORDS));
                }
                print(median(emulator), median(kinesalite), median(emulatorCbor));
            }
        } finally {
            process.destroy();
        }
    }

    private static KinesisClient client(URI endpoint) {
        return KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.builder().maxConnections(8).build())
                .build();
    }

    private static Result run(KinesisClient kinesis, String stream, int records) {
        kinesis.createStream(r -> r.streamName(stream).shardCount(SHARDS));
        kinesis.waiter().waitUntilStreamExists(r -> r.streamName(stream),
                w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50))));
        Random random = new Random(42);
        byte[] payload = new byte[RECORD_BYTES];
        random.nextBytes(payload);
        SdkBytes data = SdkBytes.fromByteArray(payload);

        long start = System.nanoTime();
        for (int sent = 0; sent < records; sent += 500) {
            List<PutRecordsRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(PutRecordsRequestEntry.builder().partitionKey(Long.toHexString(random.nextLong())).data(data).build());
            }
            PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(batch));
            if (response.failedRecordCount() > 0) {
                throw new IllegalStateException(response.failedRecordCount() + " records failed: turn throttling off");
            }
        }
        double putSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        long read = 0;
        long bytes = 0;
        for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = kinesis.getRecords(r -> r.shardIterator(current).limit(10_000));
                read += page.records().size();
                bytes += page.records().stream().mapToLong(r -> r.data().asByteBuffer().remaining()).sum();
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        double getSeconds = (System.nanoTime() - start) / 1e9;
        if (read != records) {
            throw new IllegalStateException("read " + read + " of " + records + " records");
        }
        kinesis.deleteStream(r -> r.streamName(stream));
        double mb = (double) records * RECORD_BYTES / 1e6;
        return new Result(records / putSeconds, mb / putSeconds, read / getSeconds, bytes / 1e6 / getSeconds);
    }

    /** npm-installs kinesalite unless a folder is given, and starts it in memory on a free loopback port. */
    private static Process startKinesalite() throws IOException, InterruptedException {
        String given = System.getProperty("kinesalite.dir");
        Path dir = given != null ? Path.of(given) : Files.createTempDirectory("kinesalite-");
        Path cli = dir.resolve("node_modules/kinesalite/cli.js");
        if (!Files.exists(cli)) {
            System.out.println("Installing kinesalite with npm into " + dir + " ...");
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(), "kinesalite")
                    .inheritIO().start();
            if (npm.waitFor() != 0 || !Files.exists(cli)) {
                throw new IllegalStateException("npm could not install kinesalite; install it and pass -Dkinesalite.dir=DIR");
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port),
                "--createStreamMs", "0", "--deleteStreamMs", "0", "--updateStreamMs", "0", "--shardLimit", "1000")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("kinesalite did not start on port " + port);
    }

    private static Result median(List<Result> results) {
        return new Result(median(results, Result::putRecordsPerSecond), median(results, Result::putMbPerSecond),
                median(results, Result::getRecordsPerSecond), median(results, Result::getMbPerSecond));
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> metric) {
        double[] values = results.stream().mapToDouble(metric).sorted().toArray();
        return values[values.length / 2];
    }

    private static void print(Result emulator, Result kinesalite, Result emulatorCbor) {
        System.out.printf(Locale.ROOT, "%nKinesis throughput, %,d records of %d B over %d shards, SDK v2 client (JSON), median of %d%n",
                RECORDS, RECORD_BYTES, SHARDS, RUNS);
        System.out.printf(Locale.ROOT, "%-12s %16s %16s %10s%n", "", "embedded", "kinesalite", "ratio");
        row("PutRecords", emulator.putRecordsPerSecond(), kinesalite.putRecordsPerSecond(), "rec/s");
        row("PutRecords", emulator.putMbPerSecond(), kinesalite.putMbPerSecond(), "MB/s");
        row("GetRecords", emulator.getRecordsPerSecond(), kinesalite.getRecordsPerSecond(), "rec/s");
        row("GetRecords", emulator.getMbPerSecond(), kinesalite.getMbPerSecond(), "MB/s");
        System.out.printf(Locale.ROOT, "embedded in CBOR (the SDK's default): PutRecords %.1f rec/s, %.1f MB/s;"
                        + " GetRecords %.1f rec/s, %.1f MB/s%n", emulatorCbor.putRecordsPerSecond(), emulatorCbor.putMbPerSecond(),
                emulatorCbor.getRecordsPerSecond(), emulatorCbor.getMbPerSecond());
    }

    private static void row(String name, double ours, double theirs, String unit) {
        System.out.printf(Locale.ROOT, "%-12s %10.1f %-5s %10.1f %-5s %9.1f×%n", name, ours, unit, theirs, unit, ours / theirs);
    }
}
