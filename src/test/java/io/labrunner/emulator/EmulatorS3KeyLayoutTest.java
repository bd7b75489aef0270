package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keys S3 accepts but the emulator's one-file-per-object layout cannot hold ({@code dir} beside
 * {@code dir/obj}, {@code .}, {@code ..} and empty segments, over-long segments, content under a key ending
 * in '/') are stored anyway, outside the folder Athena and crawlers read, and behave like any other key —
 * never a 500, never a file outside the data folder, never another key's file overwritten.
 */
class EmulatorS3KeyLayoutTest {
    /** S3's listing order: UTF-8 bytes, which is code point order. */
    private static final Comparator<String> UTF8_ORDER = Comparator.comparing(
            key -> key.codePoints().boxed().toList(), (a, b) -> {
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    if (!a.get(i).equals(b.get(i))) {
                        return Integer.compare(a.get(i), b.get(i));
                    }
                }
                return Integer.compare(a.size(), b.size());
            });
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path temp;
    private static Emulator emulator;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).dataDir(temp.resolve("data")).build().start();
        s3 = Clients.s3(emulator);
    }

    @AfterAll
    static void stop() {
        s3.close();
        emulator.close();
    }

    /**
     * Keys that reach S3 through HTTP here. Jetty refuses a request line whose path climbs above the root
     * ({@code /bucket/../../x}) or holds {@code %00} before any servlet runs; EscapingBlobStoreTest stores
     * those keys through the blob store, as in-process writers reach it.
     */
    static Stream<String> keysTheFolderCannotHold() {
        return Stream.of("dots/./x", "dots/../x", "../x", "a//b", "/leading", ".", "..",
                "long/" + "y".repeat(300), "x".repeat(300) + "/short", "é".repeat(512), "trailing/",
                "\uD83D\uDE00/./\uFFFD");
    }

    private static String newBucket() {
        String bucket = "layout-" + BUCKETS.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private static String put(String bucket, String key, String content) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content)).eTag();
    }

    private static String read(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    /** Every key, one request per key (V2, max-keys 1). */
    private static List<String> keysPagedOneByOne(String bucket) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(1).continuationToken(from));
            assertThat(page.keyCount()).isLessThanOrEqualTo(1);
            page.contents().forEach(o -> keys.add(o.key()));
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    /** Every key, one request per key (V1, max-keys 1, next marker). */
    private static List<String> keysPagedOneByOneV1(String bucket) {
        List<String> keys = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListObjectsResponse page = s3.listObjects(b -> b.bucket(bucket).maxKeys(1).marker(from));
            page.contents().forEach(o -> keys.add(o.key()));
            marker = page.isTruncated() ? page.contents().get(page.contents().size() - 1).key() : null;
        } while (marker != null);
        return keys;
    }

    private static List<String> keys(String bucket, String prefix) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private static List<Path> filesOutsideTheDataFolder() throws IOException {
        try (Stream<Path> walk = Files.walk(temp)) {
            return walk.filter(p -> !p.startsWith(temp.resolve("data")) && !p.equals(temp)).toList();
        }
    }

    private static boolean isPlainFile(String bucket, String key) {
        return Files.isRegularFile(emulator.blobRoot().resolve(bucket).resolve(key));
    }

    @ParameterizedTest
    @MethodSource("keysTheFolderCannotHold")
    void aKeyTheFolderCannotHoldIsStoredReadCopiedListedAndDeletedLikeAnyOther(String key) throws IOException {
        String bucket = newBucket();
        put(bucket, "a/b.csv", "plain");
        put(bucket, "z", "last");
        String content = "content of " + key;

        String eTag = put(bucket, key, content);

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        assertThat(got.asUtf8String()).isEqualTo(content);
        assertThat(got.response().eTag()).isEqualTo(eTag);
        var head = s3.headObject(b -> b.bucket(bucket).key(key));
        assertThat(head.eTag()).isEqualTo(eTag);
        assertThat(head.contentLength()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey("copy-out"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey("copy/" + key));
        assertThat(read(bucket, "copy-out")).isEqualTo(content);
        assertThat(isPlainFile(bucket, "copy-out")).isTrue();
        assertThat(read(bucket, "copy/" + key)).isEqualTo(content);

        List<String> all = new ArrayList<>(List.of("a/b.csv", "z", key, "copy-out", "copy/" + key));
        all.sort(UTF8_ORDER);
        assertThat(keysPagedOneByOne(bucket)).containsExactlyElementsOf(all);
        assertThat(keysPagedOneByOneV1(bucket)).containsExactlyElementsOf(all);
        assertThat(keys(bucket, key)).containsExactly(key);
        assertDelimitedListingRollsUpAtTheFirstSlash(bucket, all);

        s3.deleteObject(b -> b.bucket(bucket).key(key));

        assertThat(catchThrowableOfType(NoSuchKeyException.class, () -> read(bucket, key))).isNotNull();
        assertThat(keysPagedOneByOne(bucket)).doesNotContain(key).contains("copy/" + key);
        assertThat(filesOutsideTheDataFolder()).isEmpty();
    }

    private static void assertDelimitedListingRollsUpAtTheFirstSlash(String bucket, List<String> all) {
        TreeSet<String> entries = new TreeSet<>(UTF8_ORDER);
        for (String key : all) {
            entries.add(key.indexOf('/') < 0 ? key : key.substring(0, key.indexOf('/') + 1));
        }
        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/").maxKeys(1)
                    .continuationToken(from));
            page.contents().forEach(o -> listed.add(o.key()));
            page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(listed::add);
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        assertThat(listed).containsExactlyElementsOf(entries);
    }

    @Test
    void aKeyBesideAnExistingFolderOfTheSameNameIsStoredAndTheFolderStaysPlain() throws IOException {
        String bucket = newBucket();
        put(bucket, "dir/obj", "inside");

        put(bucket, "dir", "beside");

        assertBothKeptWithTheDeeperKeyPlain(bucket);
    }

    @Test
    void aKeyUnderAnExistingObjectOfTheSameNameIsStoredAndTheDeeperKeyTakesThePlainFile() throws IOException {
        String bucket = newBucket();
        put(bucket, "dir", "beside");

        put(bucket, "dir/obj", "inside");

        assertBothKeptWithTheDeeperKeyPlain(bucket);
    }

    private static void assertBothKeptWithTheDeeperKeyPlain(String bucket) throws IOException {
        assertThat(read(bucket, "dir")).isEqualTo("beside");
        assertThat(read(bucket, "dir/obj")).isEqualTo("inside");
        assertThat(keysPagedOneByOne(bucket)).containsExactly("dir", "dir/obj");
        assertThat(keys(bucket, "dir/")).containsExactly("dir/obj");
        assertThat(Files.readString(emulator.blobRoot().resolve(bucket).resolve("dir/obj"))).isEqualTo("inside");
        assertThat(Files.isRegularFile(emulator.blobRoot().resolve(bucket).resolve("dir"))).isFalse();
    }

    @Test
    void anObjectMovedAsideKeepsItsMetadata() {
        String bucket = newBucket();
        String eTag = s3.putObject(b -> b.bucket(bucket).key("meta").contentType("text/csv")
                .metadata(java.util.Map.of("origin", "lab")), RequestBody.fromString("a,b")).eTag();

        put(bucket, "meta/child", "child");

        var head = s3.headObject(b -> b.bucket(bucket).key("meta"));
        assertThat(head.eTag()).isEqualTo(eTag);
        assertThat(head.contentType()).isEqualTo("text/csv");
        assertThat(head.metadata()).containsEntry("origin", "lab");
    }

    @Test
    void concurrentPutsOfClashingKeysAllSucceedAndAllAreReadable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                String bucket = newBucket();
                List<Future<String>> puts = new ArrayList<>();
                for (String key : List.of("d", "d/o", "d/o/p", "e/f")) {
                    puts.add(pool.submit(() -> put(bucket, key, key)));
                }
                for (Future<String> eTag : puts) {
                    assertThat(eTag.get(30, TimeUnit.SECONDS)).isNotBlank();
                }
                for (String key : List.of("d", "d/o", "d/o/p", "e/f")) {
                    assertThat(read(bucket, key)).isEqualTo(key);
                }
                assertThat(keysPagedOneByOne(bucket)).containsExactly("d", "d/o", "d/o/p", "e/f");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMultipartUploadToAnEscapedKeyAssemblesItsParts() {
        String bucket = newBucket();
        String key = "mp/../" + "m".repeat(300);
        byte[] first = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(first, (byte) 'a');
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).extracting(u -> u.key()).containsExactly(key);

        String eTag1 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String eTag2 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        assertThat(s3.listParts(b -> b.bucket(bucket).key(key).uploadId(uploadId)).parts()).hasSize(2);
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(eTag1).build(),
                CompletedPart.builder().partNumber(2).eTag(eTag2).build())));

        byte[] read = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        assertThat(read).hasSize(first.length + 4);
        assertThat(new String(read, first.length, 4, StandardCharsets.UTF_8)).isEqualTo("tail");
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).eTag()).endsWith("-2\"");
        assertThat(keysPagedOneByOne(bucket)).containsExactly(key);
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void anAbortedMultipartUploadToAKeyBesideAFolderLeavesNothing() {
        String bucket = newBucket();
        put(bucket, "dir/obj", "inside");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("dir")).uploadId();

        s3.abortMultipartUpload(b -> b.bucket(bucket).key("dir").uploadId(uploadId));

        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        assertThat(keysPagedOneByOne(bucket)).containsExactly("dir/obj");
    }

    @Test
    void aMultipartUploadToAKeyBesideAFolderCompletesAndTheFolderStaysPlain() throws IOException {
        String bucket = newBucket();
        put(bucket, "dir/obj", "inside");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("dir")).uploadId();
        String eTag = s3.uploadPart(b -> b.bucket(bucket).key("dir").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("beside")).eTag();

        s3.completeMultipartUpload(b -> b.bucket(bucket).key("dir").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));

        assertBothKeptWithTheDeeperKeyPlain(bucket);
    }

    @Test
    void aMultipartUploadUnderAnObjectOfTheSameNameMovesThatObjectAside() throws IOException {
        String bucket = newBucket();
        put(bucket, "dir", "beside");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("dir/obj")).uploadId();
        String eTag = s3.uploadPart(b -> b.bucket(bucket).key("dir/obj").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("inside")).eTag();

        s3.completeMultipartUpload(b -> b.bucket(bucket).key("dir/obj").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));

        assertBothKeptWithTheDeeperKeyPlain(bucket);
    }

    @Test
    void deleteObjectsRemovesEscapedAndPlainKeysTogether() {
        String bucket = newBucket();
        put(bucket, "plain", "p");
        put(bucket, "a//b", "e");

        var deleted = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                o -> o.key("plain"), o -> o.key("a//b"))));

        assertThat(deleted.errors()).isEmpty();
        assertThat(deleted.deleted()).extracting(o -> o.key()).containsExactlyInAnyOrder("plain", "a//b");
        assertThat(keysPagedOneByOne(bucket)).isEmpty();
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    @Test
    void aBucketHoldingOnlyEscapedKeysIsNotEmptyUntilTheyAreDeleted() {
        String bucket = newBucket();
        put(bucket, "a/../b", "escaped");

        S3Exception refused = catchThrowableOfType(S3Exception.class, () -> s3.deleteBucket(b -> b.bucket(bucket)));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
        assertThat(read(bucket, "a/../b")).isEqualTo("escaped");
        s3.deleteObject(b -> b.bucket(bucket).key("a/../b"));
        s3.deleteBucket(b -> b.bucket(bucket));
        assertThat(emulator.blobRoot().resolveSibling("s3-escaped").resolve(bucket)).doesNotExist();
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).doesNotContain(bucket);
    }

    @Test
    void escapedKeysSurviveARestartOnTheSameDataFolder() {
        Path data = temp.resolve("restart");
        try (Emulator first = Emulator.builder().port(0).dataDir(data).build().start();
             S3Client client = Clients.s3(first)) {
            client.createBucket(b -> b.bucket("kept"));
            client.putObject(b -> b.bucket("kept").key("dir/obj"), RequestBody.fromString("inside"));
            client.putObject(b -> b.bucket("kept").key("dir"), RequestBody.fromString("beside"));
            client.putObject(b -> b.bucket("kept").key("a//b"), RequestBody.fromString("double"));
        }

        try (Emulator second = Emulator.builder().port(0).dataDir(data).build().start();
             S3Client client = Clients.s3(second)) {
            assertThat(client.getObjectAsBytes(b -> b.bucket("kept").key("dir")).asUtf8String()).isEqualTo("beside");
            assertThat(client.getObjectAsBytes(b -> b.bucket("kept").key("a//b")).asUtf8String()).isEqualTo("double");
            assertThat(client.listObjectsV2(b -> b.bucket("kept")).contents()).extracting(S3Object::key)
                    .containsExactly("a//b", "dir", "dir/obj");
            S3Exception refused = catchThrowableOfType(S3Exception.class, () -> client.deleteBucket(b -> b.bucket("kept")));
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
        }
    }

    @Test
    void readingAKeyThatClimbsOutOfTheBucketIsNoSuchKeyWithoutAHostPath() throws IOException {
        String bucket = newBucket();
        // A file in the blob root beside the buckets: a/../../ from the bucket's folder reaches it.
        Path secret = Files.writeString(emulator.blobRoot().resolve("secret.txt"), "secret");

        NoSuchKeyException e = catchThrowableOfType(NoSuchKeyException.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("a/../../secret.txt")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).doesNotContain(temp.toString());
        assertThat(keys(bucket, "a/../")).isEmpty();
        s3.deleteObject(b -> b.bucket(bucket).key("a/../../secret.txt"));
        assertThat(secret).exists();
    }

    @Test
    void anEscapedKeyNeverOverwritesTheFileItWouldNameInThePlainLayout() {
        String bucket = newBucket();
        put(bucket, "x", "original");

        put(bucket, "dots/../x", "other key");

        assertThat(read(bucket, "x")).isEqualTo("original");
        assertThat(read(bucket, "dots/../x")).isEqualTo("other key");
    }

    @Test
    void anEmptyFolderMarkerStaysAPlainFolder() {
        String bucket = newBucket();

        s3.putObject(b -> b.bucket(bucket).key("marker/"), RequestBody.empty());

        assertThat(keys(bucket, "marker")).containsExactly("marker/");
        assertThat(emulator.blobRoot().resolve(bucket).resolve("marker")).isDirectory();
    }

    @Test
    void ordinaryKeysStillMapToPlainFiles() throws IOException {
        String bucket = newBucket();
        put(bucket, "year=2024/month=01/x.csv", "a\n1\n");
        put(bucket, "a/./b", "escaped");

        assertThat(Files.readString(emulator.blobRoot().resolve(bucket).resolve("year=2024/month=01/x.csv")))
                .isEqualTo("a\n1\n");
        assertThat(keys(bucket, "year=2024/")).containsExactly("year=2024/month=01/x.csv");
        try (Stream<Path> walk = Files.walk(emulator.blobRoot().resolve(bucket))) {
            assertThat(walk.filter(Files::isRegularFile)).containsExactly(
                    emulator.blobRoot().resolve(bucket).resolve("year=2024/month=01/x.csv"));
        }
    }

    @Test
    void aPrefixEndingInDotDotListsOnlyKeysThatStartWithIt() {
        String bucket = newBucket();
        put(bucket, "p/a", "a");
        put(bucket, "p/..hidden", "h");

        assertThat(keys(bucket, "p/..")).containsExactly("p/..hidden");

        put(bucket, "p/../x", "escaped");
        assertThat(keys(bucket, "p/..")).containsExactly("p/../x", "p/..hidden");
    }
}
