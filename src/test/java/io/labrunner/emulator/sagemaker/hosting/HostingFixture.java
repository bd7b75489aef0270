package io.labrunner.emulator.sagemaker.hosting;

import io.labrunner.core.AwsClients;
import io.labrunner.core.SageMakerRuntime;
import io.labrunner.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;

/**
 * An emulator with the clients a lab uses for hosting (SageMaker, SageMaker Runtime, S3, CloudWatch), the bucket
 * {@code models}, and XGBoost boosters trained in-process on three features (label 1 when x0 + x1 > 1), uploaded
 * as {@code model.tar.gz} the way SageMaker's XGBoost writes them.
 */
public final class HostingFixture implements AutoCloseable {
    static final String XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";
    static final String BUCKET = "models";
    /** Waiters polling every 100 ms instead of every 30 s. */
    static final WaiterOverrideConfiguration FAST = WaiterOverrideConfiguration.builder()
            .backoffStrategy(attempt -> Duration.ofMillis(100)).maxAttempts(300).build();

    final Emulator emulator;
    final AwsClients clients;
    final SageMakerClient sagemaker;
    final SageMakerRuntime runtime;
    final S3Client s3;
    final CloudWatchClient cloudWatch;

    HostingFixture() {
        this(null);
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    /** An emulator keeping its state in {@code dataDir}, to be started again on it. */
    HostingFixture(Path dataDir) {
        this.emulator = Emulator.builder().port(0).dataDir(dataDir).build().start();
        this.clients = new AwsClients(Optional.of(emulator.getEndpoint()), Region.of(emulator.getRegion()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(emulator.getAccessKey(),
                        emulator.getSecretKey())));
        this.sagemaker = clients.sageMaker();
        this.runtime = clients.sageMakerRuntime();
        this.s3 = clients.s3();
        this.cloudWatch = clients.cloudWatch();
    }

    /** A booster of {@code trees} trees of depth 3 on {@code rows} seeded rows: the model file's bytes (UBJSON). */
    public static byte[] booster(int trees, int rows, long seed) {
        Random random = new Random(seed);
        float[] features = new float[rows * 3];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 3; c++) {
                features[i * 3 + c] = random.nextFloat();
            }
            labels[i] = features[i * 3] + features[i * 3 + 1] > 1 ? 1 : 0;
        }
        try {
            DMatrix train = new DMatrix(features, rows, 3, Float.NaN);
            train.setLabel(labels);
            Booster booster = XGBoost.train(train, Map.of("objective", "binary:logistic", "max_depth", 3,
                    "eta", 0.3, "nthread", 1, "seed", 1), trees, Map.of(), null, null);
            byte[] model = booster.toByteArray("ubj");
            booster.dispose();
            train.dispose();
            return model;
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads {@code files} as a {@code model.tar.gz} under {@code key}; returns its S3 URI. */
    String upload(String key, Map<String, byte[]> files) {
        byte[] archive = tarGz(files);
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(archive));
        HostingFixtureFiles.remember("s3://" + BUCKET + "/" + key, archive);
        return "s3://" + BUCKET + "/" + key;
    }

    /** Creates model {@code name} on the XGBoost image from a fresh booster of {@code trees} trees. */
    String xgboostModel(String name, int trees, long seed) {
        String url = upload("xgb/" + name + "/model.tar.gz", Map.of("xgboost-model", booster(trees, 400, seed)));
        sagemaker.createModel(r -> r.modelName(name).executionRoleArn(ROLE)
                .primaryContainer(c -> c.image(XGBOOST_IMAGE).modelDataUrl(url)));
        return url;
    }

    DescribeEndpointResponse waitInService(String endpoint) {
        return sagemaker.waiter().waitUntilEndpointInService(DescribeEndpointRequest.builder()
                .endpointName(endpoint).build(), FAST).matched().response().orElseThrow();
    }

    Throwable waitDeleted(String endpoint) {
        return sagemaker.waiter().waitUntilEndpointDeleted(DescribeEndpointRequest.builder().endpointName(endpoint).build(),
                FAST).matched().exception().orElseThrow();
    }

    public static byte[] tarGz(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        clients.close();
        emulator.close();
    }
}
