package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code lab emulator --data DIR} killed with SIGKILL in the middle of writes comes back with a state
 * that loads, everything it acknowledged, and no half-written object: the test starts a real child
 * JVM, writes through the SDK while an upload is half sent, kills it, and starts it again.
 */
class EmulatorKillTest {
    private static final int OBJECT_BYTES = 4 * 1024 * 1024;
    private static final Pattern LEFTOVER = Pattern.compile(".*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anEmulatorKilledMidWriteRestartsWithEverythingItAcknowledgedAndNoPartialObject(@TempDir Path temp)
            throws Exception {
        Path data = temp.resolve("data");
        Process child = null;
        CountDownLatch releaseHalfUpload = new CountDownLatch(1);
        try {
            int port = freePort();
            child = startEmulator(temp, port, "first");
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitReady(endpoint, child);

            Map<String, Integer> ackedObjects = new ConcurrentHashMap<>();
            Map<String, String> ackedRecords = new ConcurrentHashMap<>();
            List<String> ackedTables = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicBoolean killed = new AtomicBoolean();
            try (S3Client s3 = client(S3Client.builder().forcePathStyle(true), endpoint);
                    KinesisClient kinesis = client(KinesisClient.builder(), endpoint);
                    GlueClient glue = client(GlueClient.builder(), endpoint)) {
                s3.createBucket(b -> b.bucket("big"));
                glue.createDatabase(d -> d.databaseInput(i -> i.name("db")));
                kinesis.createStream(r -> r.streamName("feed").shardCount(1));
                awaitTrue(() -> kinesis.describeStreamSummary(r -> r.streamName("feed")).streamDescriptionSummary()
                        .streamStatus() == StreamStatus.ACTIVE, Duration.ofSeconds(10));

                Thread halfUpload = new Thread(() -> {
                    try {
                        s3.putObject(b -> b.bucket("big").key("half"), RequestBody.fromContentProvider(
                                () -> new HalfThenWait(OBJECT_BYTES, releaseHalfUpload), OBJECT_BYTES,
                                "application/octet-stream"));
                    } catch (RuntimeException expected) {
                        // The emulator dies under it.
                    }
                }, "half-upload");
                halfUpload.setDaemon(true);
                halfUpload.start();

                Thread writer = new Thread(() -> {
                    for (int i = 0; !killed.get(); i++) {
                        try {
                            String key = "object-" + i;
                            s3.putObject(b -> b.bucket("big").key(key), RequestBody.fromBytes(body(i, OBJECT_BYTES)));
                            ackedObjects.put(key, OBJECT_BYTES);
                            String data1 = "record-" + i;
                            ackedRecords.put(kinesis.putRecord(r -> r.streamName("feed").partitionKey("k")
                                    .data(SdkBytes.fromUtf8String(data1))).sequenceNumber(), data1);
                            String table = "t_" + i;
                            glue.createTable(r -> r.databaseName("db").tableInput(t -> t.name(table)));
                            ackedTables.add(table);
                        } catch (RuntimeException e) {
                            return;
                        }
                    }
                }, "writer");
                writer.setDaemon(true);
                writer.start();

                // Kill once writes have been acknowledged and the half upload's temporary file is on disk.
                awaitTrue(() -> ackedTables.size() >= 3 && hasLeftover(data.resolve("s3").resolve("big")),
                        Duration.ofSeconds(15));
                killed.set(true);
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                releaseHalfUpload.countDown();
                writer.join(10_000);
            }
            assertThat(hasLeftover(data.resolve("s3").resolve("big")))
                    .as("the kill left the half upload's temporary file behind").isTrue();

            child = startEmulator(temp, port, "second");
            awaitReady(endpoint, child);
            try (S3Client s3 = client(S3Client.builder().forcePathStyle(true), endpoint);
                    KinesisClient kinesis = client(KinesisClient.builder(), endpoint);
                    GlueClient glue = client(GlueClient.builder(), endpoint)) {
                List<S3Object> listed = s3.listObjectsV2(b -> b.bucket("big")).contents();
                Map<String, Long> sizes = new HashMap<>();
                listed.forEach(o -> sizes.put(o.key(), o.size()));
                assertThat(sizes).doesNotContainKey("half");
                assertThat(sizes.keySet()).allMatch(k -> k.matches("object-\\d+"));
                assertThat(sizes.values()).allMatch(size -> size == OBJECT_BYTES);
                assertThat(sizes.keySet()).containsAll(ackedObjects.keySet());
                assertThat(hasLeftover(data.resolve("s3").resolve("big"))).isFalse();
                String first = ackedObjects.keySet().iterator().next();
                assertThat(s3.getObjectAsBytes(b -> b.bucket("big").key(first)).asByteArray())
                        .isEqualTo(body(Integer.parseInt(first.substring("object-".length())), OBJECT_BYTES));

                String shard = kinesis.listShards(r -> r.streamName("feed")).shards().get(0).shardId();
                String iterator = kinesis.getShardIterator(r -> r.streamName("feed").shardId(shard)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                Map<String, String> stored = new HashMap<>();
                for (Record r : kinesis.getRecords(g -> g.shardIterator(iterator)).records()) {
                    stored.put(r.sequenceNumber(), r.data().asUtf8String());
                }
                assertThat(stored).containsAllEntriesOf(ackedRecords);

                List<String> tables = glue.getTables(r -> r.databaseName("db")).tableList().stream()
                        .map(Table::name).toList();
                assertThat(tables).containsAll(ackedTables);
                assertThat(ackedTables).isNotEmpty();
            }
        } finally {
            releaseHalfUpload.countDown();
            if (child != null) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startEmulator(Path temp, int port, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.labrunner.cli.Main", "emulator", "--port", Integer.toString(port),
                "--data", temp.resolve("data").toString());
        builder.environment().put("LAB_RUNNER_HOME", temp.resolve("home").toString());
        builder.redirectErrorStream(true).redirectOutput(temp.resolve(name + ".log").toFile());
        return builder.start();
    }

    private static void awaitReady(URI endpoint, Process child) {
        try (StsClient sts = client(StsClient.builder(), endpoint)) {
            awaitTrue(() -> {
                if (!child.isAlive()) {
                    throw new AssertionError("the emulator exited with " + child.exitValue());
                }
                try {
                    return sts.getCallerIdentity().account() != null;
                } catch (RuntimeException notYet) {
                    return false;
                }
            }, Duration.ofSeconds(20));
        }
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(15)))
                .build();
    }

    private static boolean hasLeftover(Path bucket) {
        if (!Files.isDirectory(bucket)) {
            return false;
        }
        try (Stream<Path> files = Files.list(bucket)) {
            return files.anyMatch(f -> LEFTOVER.matcher(f.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] body(int seed, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ('a' + seed % 26));
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + limit.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Gives half of {@code size} bytes, then blocks until released: an upload caught mid-body. */
    private static final class HalfThenWait extends InputStream {
        private final int half;
        private final CountDownLatch release;
        private int sent;

        HalfThenWait(int size, CountDownLatch release) {
            this.half = size / 2;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (sent >= half) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("upload abandoned");
            }
            int n = Math.min(len, half - sent);
            Arrays.fill(b, off, off + n, (byte) 'h');
            sent += n;
            return n;
        }
    }

}
