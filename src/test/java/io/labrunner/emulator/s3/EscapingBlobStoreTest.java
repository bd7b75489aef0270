package io.labrunner.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The blob store layer itself, as in-process writers (Firehose) reach it: keys that would leave the bucket's
 * folder or land on another key's file are kept in the escaped folder, and nothing is written elsewhere.
 */
class EscapingBlobStoreTest {
    @TempDir
    Path temp;
    Path root;
    Path escapedRoot;
    BlobStore store;

    @BeforeEach
    void create() throws IOException {
        root = Files.createDirectories(temp.resolve("data/s3"));
        escapedRoot = Files.createDirectories(temp.resolve("data/s3-escaped"));
        store = new EscapingBlobStore(new FilesystemNio2BlobStore(root.toString()), new FolderLayout(root),
                new FilesystemNio2BlobStore(escapedRoot.toString()), escapedRoot);
        store.createContainer("bucket");
    }

    private void put(String key, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        store.putBlob(PutObjectRequest.builder().bucket("bucket").key(key).contentLength((long) bytes.length).build(),
                new ByteArrayInputStream(bytes));
    }

    private String read(String key) throws IOException {
        try (var in = store.getBlob("bucket", key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../x/escape", "../other-bucket/x", "/absolute", "a/\0/b"})
    void aKeyThatWouldLeaveTheBucketIsKeptInsideTheEscapedFolder(String key) throws IOException {
        put(key, "data");

        assertThat(read(key)).isEqualTo("data");
        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile)).isNotEmpty()
                    .allMatch(file -> file.startsWith(escapedRoot.resolve("bucket")));
        }
    }

    @Test
    void aClimbingKeyIsNeverReadFromOutsideTheBucket() throws IOException {
        Files.writeString(root.resolve("secret.txt"), "secret");

        assertThat(store.blobExists("bucket", "../secret.txt")).isFalse();
        assertThat(store.list(ListObjectsV2Request.builder().bucket("bucket").prefix("../").build()).contents())
                .isEmpty();
    }

    @Test
    void aKeyOfExactlyTheLongestNameThatFitsIsAPlainFile() {
        String name = "n".repeat(FolderLayout.MAX_NAME_BYTES - FolderLayout.TEMP_SUFFIX_BYTES);

        put("ok/" + name, "fits");

        assertThat(root.resolve("bucket/ok/" + name)).isRegularFile();
    }

    @Test
    void aBucketWithoutEscapedKeysIsListedByThePlainStoreUnchanged() {
        put("b", "b");
        put("a/x", "x");

        var listed = store.list(ListObjectsV2Request.builder().bucket("bucket").delimiter("/").build());

        assertThat(listed.contents()).extracting(S3Object::key).containsExactly("b");
        assertThat(listed.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/");
    }
}
