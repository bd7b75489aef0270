package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.emulator.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The emulator against the client's own ceiling: S3 64 MiB put+get and Kinesis PutRecords (500 records of 1 KiB a
 * call) through the same SDK clients, as labs configure them ({@link AwsClients}), once against a {@link NullServer}
 * on loopback that accepts and discards, once against the embedded emulator (Kinesis limits off). Prints MB/s and
 * records/s for both and ours ÷ null; the target is ≥ 0.7. Warm-up first, then medians of alternating rounds.
 * Not a test: nothing fails on the numbers.
 *
 * <p>Run: {@code mvn -q -o -B dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}, then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.labrunner.bench.ClientCeilingBenchmark [s3|kinesis]}.
 */
public final class ClientCeilingBenchmark {
    private static final int MIB = 1024 * 1024;
    private static final int OBJECT_BYTES = 64 * MIB;
    private static final int RECORD_BYTES = 1024;
    private static final int BATCH = 500;
    private static final int CALLS = 40;
    private static final int WARMUP = 3;
    private static final int ROUNDS = 7;

    private ClientCeilingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("s3", "kinesis") : Arrays.asList(args);
        byte[] object = new byte[OBJECT_BYTES];
        new Random(7).nextBytes(object);
        List<String> rows = new ArrayList<>();
        try (NullServer nothing = new NullServer(object);
                Emulator emulator = emulator()) {
            if (which.contains("s3")) {
                double[] s3 = s3(nothing.endpoint(), emulator.getEndpoint(), object);
                rows.add(row("S3 put+get 64 MiB", s3[0], s3[1], "MB/s"));
            }
            if (which.contains("kinesis")) {
                double[] kinesis = kinesis(nothing.endpoint(), emulator.getEndpoint());
                rows.add(row("Kinesis PutRecords 500 × 1 KiB", kinesis[0], kinesis[1], "records/s"));
            }
        }
        System.out.printf(Locale.ROOT, "%nThe emulator against the client's ceiling (a null server on loopback), median of %d rounds%n", ROUNDS);
        System.out.printf(Locale.ROOT, "%-32s %16s %16s %10s%n", "", "null server", "emulator", "ours÷null");
        rows.forEach(System.out::println);
        System.out.println("target: ours÷null ≥ 0.70");
    }

    /** The emulator as {@code lab emulator --no-limits} runs it; {@code -Dceiling.kinesis=stateless} swaps in a Kinesis that persists nothing. */
    private static Emulator emulator() {
        Emulator.Builder builder = Emulator.builder().port(0).limits(false);
        if ("stateless".equals(System.getProperty("ceiling.kinesis"))) {
            builder.service(new io.labrunner.emulator.kinesis.KinesisService(false));
        }
        return builder.build().start();
    }

    private static String row(String name, double ceiling, double ours, String unit) {
        return String.format(Locale.ROOT, "%-32s %16s %16s %10.2f", name, fmt(ceiling) + " " + unit, fmt(ours) + " " + unit,
                ours / ceiling);
    }

    private static String fmt(double value) {
        return value >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static AwsClients clients(URI endpoint) {
        return new AwsClients(Optional.of(endpoint), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    /** MB/s of put then get, bytes moved twice: {null server, emulator}. */
    private static double[] s3(URI ceiling, URI ours, byte[] object) throws IOException {
        try (AwsClients toNull = clients(ceiling); AwsClients toUs = clients(ours)) {
            S3Client nullS3 = toNull.s3();
            S3Client ourS3 = toUs.s3();
            ourS3.createBucket(b -> b.bucket("ceiling"));
            for (int i = 0; i < WARMUP; i++) {
                putGet(nullS3, object, i);
                putGet(ourS3, object, i);
            }
            double[] theirs = new double[ROUNDS];
            double[] mine = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                theirs[i] = putGet(nullS3, object, i);
                mine[i] = putGet(ourS3, object, i);
                System.out.printf(Locale.ROOT, "  s3 round %d: null %.0f MB/s, emulator %.0f MB/s%n", i, theirs[i], mine[i]);
            }
            return new double[] {median(theirs), median(mine)};
        }
    }

    private static double putGet(S3Client s3, byte[] object, int round) throws IOException {
        String key = "object-" + round;
        long start = System.nanoTime();
        s3.putObject(b -> b.bucket("ceiling").key(key), RequestBody.fromBytes(object));
        long read = 0;
        byte[] buffer = new byte[128 * 1024];
        try (InputStream in = s3.getObject(b -> b.bucket("ceiling").key(key))) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read += n;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read != object.length) {
            throw new IllegalStateException("read " + read + " of " + object.length + " bytes");
        }
        return 2.0 * object.length / 1e6 / seconds;
    }

    /** records/s of PutRecords: {null server, emulator}. */
    private static double[] kinesis(URI ceiling, URI ours) {
        try (AwsClients toNull = clients(ceiling); AwsClients toUs = clients(ours)) {
            KinesisClient nullKinesis = toNull.kinesis();
            KinesisClient ourKinesis = toUs.kinesis();
            ourKinesis.createStream(r -> r.streamName("ceiling").shardCount(4));
            while (!"ACTIVE".equals(ourKinesis.describeStreamSummary(r -> r.streamName("ceiling"))
                    .streamDescriptionSummary().streamStatusAsString())) {
                Thread.onSpinWait();
            }
            Random random = new Random(42);
            byte[] payload = new byte[RECORD_BYTES];
            random.nextBytes(payload);
            SdkBytes data = SdkBytes.fromByteArray(payload);
            List<PutRecordsRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(PutRecordsRequestEntry.builder().partitionKey(Long.toHexString(random.nextLong())).data(data).build());
            }
            for (int i = 0; i < WARMUP; i++) {
                put(nullKinesis, batch);
                put(ourKinesis, batch);
            }
            double[] theirs = new double[ROUNDS];
            double[] mine = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                theirs[i] = put(nullKinesis, batch);
                mine[i] = put(ourKinesis, batch);
                System.out.printf(Locale.ROOT, "  kinesis round %d: null %.0f records/s, emulator %.0f records/s%n",
                        i, theirs[i], mine[i]);
            }
            return new double[] {median(theirs), median(mine)};
        }
    }

    private static double put(KinesisClient kinesis, List<PutRecordsRequestEntry> batch) {
        long start = System.nanoTime();
        for (int call = 0; call < CALLS; call++) {
            PutRecordsResponse response = kinesis.putRecords(r -> r.streamName("ceiling").records(batch));
            if (response.failedRecordCount() > 0 || response.records().size() != batch.size()) {
                throw new IllegalStateException(response.failedRecordCount() + " records failed");
            }
        }
        return (double) CALLS * batch.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
