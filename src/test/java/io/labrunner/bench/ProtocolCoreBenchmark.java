package io.labrunner.bench;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.kinesis.KinesisService;
import java.lang.reflect.Array;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * What the protocol core costs Kinesis: PutRecords throughput (SDK v2 in CBOR, its default; a 4-shard
 * stream, batches of 500 records of 1 KiB, throughput limits off) and the median latency of a small
 * JSON request (DescribeStreamSummary with CBOR off), measured against this build and against an
 * earlier build of the emulator in the same JVM, alternating. Not a test: nothing here fails.
 *
 * <p>The earlier build is given as its compiled classes, e.g. from a checkout of the main branch:
 * {@code git archive main src pom.xml | tar -x -C DIR && (cd DIR && mvn -o -q -DskipTests compile)},
 * then run {@code BENCH_BEFORE_CLASSES=DIR/target/classes mvn -q -Pbench -DskipTests verify
 * -Dbench=ProtocolCoreBenchmark} (or pass {@code -Dbefore.classes=DIR/target/classes} to java).
 * Its {@code io.labrunner} classes are loaded child-first beside this build's; the libraries are shared.
 */
public final class ProtocolCoreBenchmark {
    private static final int SHARDS = 4;
    private static final int RECORDS = 10_000;
    private static final int RECORD_BYTES = 1024;
    private static final int RUNS = 5;
    private static final int CALLS_PER_BLOCK = 500;
    private static final int BLOCKS = 4;

    private ProtocolCoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String before = System.getProperty("before.classes", System.getenv("BENCH_BEFORE_CLASSES"));
        if (before == null) {
            System.err.println("Give the earlier build's classes with -Dbefore.classes=DIR or BENCH_BEFORE_CLASSES=DIR");
            System.exit(2);
        }
        try (Emulator after = Emulator.builder().port(0).service(new KinesisService(false)).build().start();
                EarlierEmulator earlier = EarlierEmulator.start(Path.of(before))) {
            System.setProperty("aws.cborEnabled", "true");
            try (KinesisClient afterCbor = client(after.getEndpoint()); KinesisClient beforeCbor = client(earlier.endpoint())) {
                System.setProperty("aws.cborEnabled", "false");
                try (KinesisClient afterJson = client(after.getEndpoint()); KinesisClient beforeJson = client(earlier.endpoint())) {
                    measure(beforeCbor, afterCbor, beforeJson, afterJson);
                }
            }
        }
    }

    private static void measure(KinesisClient beforeCbor, KinesisClient afterCbor, KinesisClient beforeJson,
            KinesisClient afterJson) {
        putRecords(beforeCbor, "warm-before");
        putRecords(afterCbor, "warm-after");
        List<Double> beforeRates = new ArrayList<>();
        List<Double> afterRates = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            beforeRates.add(putRecords(beforeCbor, "before-" + i));
            afterRates.add(putRecords(afterCbor, "after-" + i));
        }
        String stream = "latency";
        for (KinesisClient client : List.of(beforeJson, afterJson)) {
            client.createStream(r -> r.streamName(stream).shardCount(1));
            client.waiter().waitUntilStreamExists(r -> r.streamName(stream),
                    w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50))));
            latencies(client, stream, CALLS_PER_BLOCK);
        }
        List<Long> beforeNanos = new ArrayList<>();
        List<Long> afterNanos = new ArrayList<>();
        for (int i = 0; i < BLOCKS; i++) {
            beforeNanos.addAll(latencies(beforeJson, stream, CALLS_PER_BLOCK));
            afterNanos.addAll(latencies(afterJson, stream, CALLS_PER_BLOCK));
        }
        double beforeRate = median(beforeRates);
        double afterRate = median(afterRates);
        double beforeMs = percentile(beforeNanos, 0.5) / 1e6;
        double afterMs = percentile(afterNanos, 0.5) / 1e6;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %12s %12s %10s%n", "", "before", "after", "change");
        System.out.printf(Locale.ROOT, "%-44s %12.0f %12.0f %+9.1f%%%n", "PutRecords, records/s (median of " + RUNS + ")",
                beforeRate, afterRate, 100 * (afterRate - beforeRate) / beforeRate);
        System.out.printf(Locale.ROOT, "%-44s %12.3f %12.3f %+9.3f ms%n",
                "DescribeStreamSummary JSON, median ms (" + beforeNanos.size() + ")", beforeMs, afterMs, afterMs - beforeMs);
        System.out.printf(Locale.ROOT, "%-44s %12.3f %12.3f%n", "DescribeStreamSummary JSON, p90 ms",
                percentile(beforeNanos, 0.9) / 1e6, percentile(afterNanos, 0.9) / 1e6);
    }

    private static KinesisClient client(URI endpoint) {
        return KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.builder().maxConnections(8).build())
                .build();
    }

    /** Records per second written by PutRecords into a fresh stream, deleted after. */
    private static double putRecords(KinesisClient kinesis, String stream) {
        kinesis.createStream(r -> r.streamName(stream).shardCount(SHARDS));
        kinesis.waiter().waitUntilStreamExists(r -> r.streamName(stream),
                w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50))));
        Random random = new Random(42);
        byte[] payload = new byte[RECORD_BYTES];
        random.nextBytes(payload);
        SdkBytes data = SdkBytes.fromByteArray(payload);
        long start = System.nanoTime();
        for (int sent = 0; sent < RECORDS; sent += 500) {
            List<PutRecordsRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(PutRecordsRequestEntry.builder().partitionKey(Long.toHexString(random.nextLong())).data(data).build());
            }
            PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(batch));
            if (response.failedRecordCount() > 0) {
                throw new IllegalStateException(response.failedRecordCount() + " records failed: turn throttling off");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        kinesis.deleteStream(r -> r.streamName(stream));
        return RECORDS / seconds;
    }

    private static List<Long> latencies(KinesisClient kinesis, String stream, int calls) {
        List<Long> nanos = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            kinesis.describeStreamSummary(r -> r.streamName(stream));
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double percentile(List<Long> values, double p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /** An earlier build's emulator, its {@code io.labrunner} classes loaded apart from this build's. */
    private static final class EarlierEmulator implements AutoCloseable {
        private final Object emulator;
        private final URI endpoint;

        private EarlierEmulator(Object emulator, URI endpoint) {
            this.emulator = emulator;
            this.endpoint = endpoint;
        }

        static EarlierEmulator start(Path classes) throws Exception {
            ClassLoader loader = new ChildFirst(new URL[] {classes.toUri().toURL()},
                    ProtocolCoreBenchmark.class.getClassLoader());
            Class<?> emulatorClass = loader.loadClass("io.labrunner.emulator.Emulator");
            Object builder = emulatorClass.getMethod("builder").invoke(null);
            Class<?> serviceType = loader.loadClass("io.labrunner.emulator.AwsService");
            Object kinesis = loader.loadClass("io.labrunner.emulator.kinesis.KinesisService")
                    .getConstructor(boolean.class).newInstance(false);
            Object services = Array.newInstance(serviceType, 1);
            Array.set(services, 0, kinesis);
            builder.getClass().getMethod("port", int.class).invoke(builder, 0);
            builder.getClass().getMethod("service", services.getClass()).invoke(builder, services);
            Object emulator = builder.getClass().getMethod("build").invoke(builder);
            emulatorClass.getMethod("start").invoke(emulator);
            return new EarlierEmulator(emulator, (URI) emulatorClass.getMethod("getEndpoint").invoke(emulator));
        }

        URI endpoint() {
            return endpoint;
        }

        @Override
        public void close() throws Exception {
            emulator.getClass().getMethod("close").invoke(emulator);
        }
    }

    /** Loads {@code io.labrunner} classes from its own URLs first, everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.labrunner.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    static {
        // Keep the output of two emulators' start-up quiet enough to read the table.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty(
                "org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    }
}
