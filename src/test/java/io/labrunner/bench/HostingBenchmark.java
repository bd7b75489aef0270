package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.core.SageMakerRuntime;
import io.labrunner.core.SageMakerRuntime.InvokeEndpointRequest;
import io.labrunner.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointRequest;

/**
 * What an endpoint costs over the booster itself: InvokeEndpoint on a 100-tree XGBoost model (depth 6, 20
 * features), one CSV row per request, sequentially through the labs' SageMaker Runtime client (the SDK's signer
 * and HTTP client): p50 and p95 latency and requests per second; then the same requests from 4 threads; next to the
 * same booster's predict on a one-row DMatrix in-process over the same rows. Targets (issue 13): p50 under 5 ms,
 * throughput at least half the in-process one. Not a test: nothing here fails.
 * Run with {@code mvn -q -Pbench -DskipTests verify -Dbench=HostingBenchmark}.
 */
public final class HostingBenchmark {
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    private static final int FEATURES = 20;
    private static final int TREES = 100;
    private static final int REQUESTS = 3000;
    private static final int WARM_UP = 1000;
    private static final int THREADS = 4;

    private HostingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] model = train();
        List<String> rows = rows(REQUESTS, 2);
        try (Emulator emulator = Emulator.builder().port(0).build().start();
                AwsClients clients = new AwsClients(Optional.of(emulator.getEndpoint()),
                        Region.of(emulator.getRegion()), StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                emulator.getAccessKey(), emulator.getSecretKey())))) {
            deploy(clients, model);
            SageMakerRuntime runtime = clients.sageMakerRuntime();
            for (int i = 0; i < WARM_UP; i++) {
                runtime.invokeEndpoint(InvokeEndpointRequest.csv("bench", rows.get(i % rows.size())));
            }
            long[] latencies = new long[REQUESTS];
            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                long t = System.nanoTime();
                runtime.invokeEndpoint(InvokeEndpointRequest.csv("bench", rows.get(i)));
                latencies[i] = System.nanoTime() - t;
            }
            double sequentialSeconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            double concurrentSeconds = concurrent(runtime, rows);
            double inProcessSeconds = inProcess(model, rows);

            double endpointRate = REQUESTS / sequentialSeconds;
            double concurrentRate = REQUESTS / concurrentSeconds;
            double inProcessRate = REQUESTS / inProcessSeconds;
            System.out.printf(Locale.ROOT, "HOSTING %d-tree XGBoost, %d features, one row per request, %d requests%n",
                    TREES, FEATURES, REQUESTS);
            System.out.printf(Locale.ROOT, "InvokeEndpoint sequential: p50 %.2f ms, p95 %.2f ms, %.0f requests/s%n",
                    latencies[REQUESTS / 2] / 1e6, latencies[REQUESTS * 95 / 100] / 1e6, endpointRate);
            System.out.printf(Locale.ROOT, "InvokeEndpoint %d threads: %.0f requests/s%n", THREADS, concurrentRate);
            System.out.printf(Locale.ROOT, "Booster.predict in-process, one row each: %.0f predictions/s%n",
                    inProcessRate);
            System.out.printf(Locale.ROOT, "ratio sequential/in-process %.2f, %d threads/in-process %.2f%n",
                    endpointRate / inProcessRate, THREADS, concurrentRate / inProcessRate);
        }
    }

    private static double concurrent(SageMakerRuntime runtime, List<String> rows) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < REQUESTS; i += THREADS) {
                        runtime.invokeEndpoint(InvokeEndpointRequest.csv("bench", rows.get(i)));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    /** The same rows, parsed from the same CSV text and predicted one by one, with the booster loaded once. */
    private static double inProcess(byte[] model, List<String> rows) throws Exception {
        Booster booster = XGBoost.loadModel(model);
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            for (String row : rows) {
                String[] cells = row.split(",");
                float[] values = new float[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    values[c] = Float.parseFloat(cells[c]);
                }
                DMatrix matrix = new DMatrix(values, 1, values.length, Float.NaN);
                booster.predict(matrix);
                matrix.dispose();
            }
            if (round == 1) {
                booster.dispose();
                return (System.nanoTime() - start) / 1e9;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static void deploy(AwsClients clients, byte[] model) throws Exception {
        clients.s3().createBucket(r -> r.bucket("bench"));
        clients.s3().putObject(r -> r.bucket("bench").key("model.tar.gz"), RequestBody.fromBytes(tarGz(model)));
        SageMakerClient sagemaker = clients.sageMaker();
        sagemaker.createModel(r -> r.modelName("bench").executionRoleArn("arn:aws:iam::000000000000:role/Bench")
                .primaryContainer(c -> c.image(IMAGE).modelDataUrl("s3://bench/model.tar.gz")));
        sagemaker.createEndpointConfig(r -> r.endpointConfigName("bench").productionVariants(v -> v
                .variantName("AllTraffic").modelName("bench").instanceType("ml.m5.large").initialInstanceCount(1)));
        sagemaker.createEndpoint(r -> r.endpointName("bench").endpointConfigName("bench"));
        sagemaker.waiter().waitUntilEndpointInService(DescribeEndpointRequest.builder().endpointName("bench").build(),
                WaiterOverrideConfiguration.builder().backoffStrategy(a -> Duration.ofMillis(50)).maxAttempts(400)
                        .build());
    }

    private static byte[] train() throws Exception {
        Random random = new Random(1);
        int n = 5000;
        float[] x = new float[n * FEATURES];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < FEATURES; c++) {
                x[i * FEATURES + c] = random.nextFloat();
            }
            y[i] = x[i * FEATURES] + x[i * FEATURES + 1] * x[i * FEATURES + 2] > 0.8 ? 1 : 0;
        }
        DMatrix train = new DMatrix(x, n, FEATURES, Float.NaN);
        train.setLabel(y);
        Booster booster = XGBoost.train(train, Map.of("objective", "binary:logistic", "max_depth", 6, "eta", 0.1),
                TREES, Map.of(), null, null);
        byte[] model = booster.toByteArray("ubj");
        booster.dispose();
        train.dispose();
        return model;
    }

    private static List<String> rows(int count, long seed) {
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < FEATURES; c++) {
                row.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", random.nextFloat()));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private static byte[] tarGz(byte[] model) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            TarArchiveEntry entry = new TarArchiveEntry("xgboost-model");
            entry.setSize(model.length);
            tar.putArchiveEntry(entry);
            tar.write(model);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
