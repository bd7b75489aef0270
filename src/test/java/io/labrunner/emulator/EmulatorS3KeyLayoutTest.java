package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keys S3 accepts but the emulator's one-file-per-object layout cannot hold ({@code dir} beside
 * {@code dir/obj}, {@code .} and {@code ..} segments, over-long segments, content under a key ending in
 * '/') are refused with a 400 InvalidArgument that names no host path — never a 500 an SDK retries, never
 * a file outside the bucket, never another key's file overwritten.
 */
class EmulatorS3KeyLayoutTest {
    @TempDir
    static Path temp;
    private static Emulator emulator;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).dataDir(temp.resolve("data")).build().start();
        s3 = Clients.s3(emulator);
        s3.createBucket(b -> b.bucket("layout"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        emulator.close();
    }

    private static S3Exception putFails(String key, String content) {
        return catchThrowableOfType(S3Exception.class,
                () -> s3.putObject(b -> b.bucket("layout").key(key), RequestBody.fromString(content)));
    }

    private static void assertRefusedWithoutHostPath(S3Exception e) {
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(e.awsErrorDetails().errorMessage()).doesNotContain(temp.toString()).doesNotContain("/tmp");
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2(b -> b.bucket("layout").prefix(prefix)).contents().stream().map(S3Object::key)
                .toList();
    }

    private static List<Path> filesOutsideTheDataFolder() throws IOException {
        try (Stream<Path> walk = Files.walk(temp)) {
            return walk.filter(p -> !p.startsWith(temp.resolve("data")) && !p.equals(temp)).toList();
        }
    }

    @Test
    void aKeyBesideAFolderOfTheSameNameIsRefusedAndTheFolderKeepsItsObjects() {
        s3.putObject(b -> b.bucket("layout").key("dir/obj"), RequestBody.fromString("inside"));

        assertRefusedWithoutHostPath(putFails("dir", "beside"));

        assertThat(keys("dir")).containsExactly("dir/obj");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("layout").key("dir/obj")).asUtf8String()).isEqualTo("inside");
    }

    @Test
    void aKeyUnderAnObjectOfTheSameNameIsRefusedAndTheObjectIsKept() {
        s3.putObject(b -> b.bucket("layout").key("leaf"), RequestBody.fromString("leaf"));

        assertRefusedWithoutHostPath(putFails("leaf/child", "child"));

        assertThat(s3.getObjectAsBytes(b -> b.bucket("layout").key("leaf")).asUtf8String()).isEqualTo("leaf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dots/./x", "dots/../x", "dots/../../escape.txt", "dots//x"})
    void aKeyWithDotOrEmptySegmentsIsRefusedAndWritesNothingAnywhere(String key) throws IOException {
        s3.putObject(b -> b.bucket("layout").key("x"), RequestBody.fromString("original"));

        assertRefusedWithoutHostPath(putFails(key, "overwrite?"));

        assertThat(s3.getObjectAsBytes(b -> b.bucket("layout").key("x")).asUtf8String()).isEqualTo("original");
        assertThat(filesOutsideTheDataFolder()).isEmpty();
    }

    @Test
    void readingAKeyThatClimbsOutOfTheBucketIsNoSuchKeyWithoutAHostPath() throws IOException {
        // A file in the blob root beside the buckets: a/../../ from the bucket's folder reaches it.
        Path secret = Files.writeString(emulator.blobRoot().resolve("secret.txt"), "secret");

        NoSuchKeyException e = catchThrowableOfType(NoSuchKeyException.class,
                () -> s3.getObjectAsBytes(b -> b.bucket("layout").key("a/../../secret.txt")));

        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).doesNotContain(temp.toString());
        assertThat(keys("a/../")).isEmpty();
        s3.deleteObject(b -> b.bucket("layout").key("a/../../secret.txt"));
        assertThat(secret).exists();
    }

    @Test
    void aSegmentLongerThanAFileNameIsRefused() {
        assertRefusedWithoutHostPath(putFails("long/" + "x".repeat(256), "long"));
        assertRefusedWithoutHostPath(putFails("x".repeat(256) + "/short", "long"));

        assertThat(keys("long/")).isEmpty();
    }

    @Test
    void contentUnderAKeyEndingInASlashIsRefusedButAnEmptyFolderMarkerIsKept() {
        assertRefusedWithoutHostPath(putFails("folder-with-content/", "lost?"));

        s3.putObject(b -> b.bucket("layout").key("marker/"), RequestBody.empty());
        assertThat(keys("marker")).containsExactly("marker/");
    }

    @Test
    void ordinaryKeysStillMapToPlainFiles() throws IOException {
        s3.putObject(b -> b.bucket("layout").key("year=2024/month=01/x.csv"), RequestBody.fromString("a\n1\n"));

        assertThat(Files.readString(emulator.blobRoot().resolve("layout/year=2024/month=01/x.csv")))
                .isEqualTo("a\n1\n");
        assertThat(keys("year=2024/")).containsExactly("year=2024/month=01/x.csv");
    }

    @Test
    void aPrefixEndingInDotDotListsOnlyKeysThatStartWithIt() {
        s3.putObject(b -> b.bucket("layout").key("p/a"), RequestBody.fromString("a"));
        s3.putObject(b -> b.bucket("layout").key("p/..hidden"), RequestBody.fromString("h"));

        assertThat(keys("p/..")).containsExactly("p/..hidden");
    }
}
