package io.labrunner.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The blob store layer itself, as in-process writers (Firehose) reach it: keys that would leave the bucket's
 * folder or land on another key's file are refused with InvalidArgument and write nothing.
 */
class HoldableKeysOnlyTest {
    @TempDir
    Path temp;
    Path root;
    BlobStore store;

    @BeforeEach
    void create() throws IOException {
        root = Files.createDirectories(temp.resolve("s3"));
        store = new HoldableKeysOnly(new FilesystemNio2BlobStore(root.toString()), new FolderLayout(root));
        store.createContainer("bucket");
    }

    private void put(String key, String body) {
        store.putBlob(PutObjectRequest.builder().bucket("bucket").key(key).contentLength((long) body.length()).build(),
                new ByteArrayInputStream(body.getBytes()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../x/escape", "../other-bucket/x", "/absolute", "a/\0/b"})
    void aKeyThatWouldLeaveTheBucketIsRefusedAndNothingIsWritten(String key) throws IOException {
        S3ProxyException e = catchThrowableOfType(S3ProxyException.class, () -> put(key, "data"));

        assertThat(e).isNotNull();
        assertThat(e.getError()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).doesNotContain(temp.toString());
        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void readingSuchAKeyIsNoSuchKeyAndListingUnderItIsEmpty() throws IOException {
        Files.writeString(root.resolve("secret.txt"), "secret");

        S3ProxyException e = catchThrowableOfType(S3ProxyException.class,
                () -> store.getBlob("bucket", "../secret.txt"));

        assertThat(e.getError()).isEqualTo(S3ErrorCode.NO_SUCH_KEY);
        assertThat(store.list(ListObjectsV2Request.builder().bucket("bucket").prefix("../").build()).contents())
                .isEmpty();
    }

    @Test
    void aKeyOfExactlyTheLongestNameThatFitsIsStored() {
        String name = "n".repeat(FolderLayout.MAX_NAME_BYTES - FolderLayout.TEMP_SUFFIX_BYTES);

        put("ok/" + name, "fits");

        assertThat(store.blobExists("bucket", "ok/" + name)).isTrue();
    }
}
