package io.labrunner.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

class CompletedObjectsOnlyTest {
    private static final int SIZE = 64 * 1024;

    @TempDir
    Path root;

    @Test
    void aListingTakenDuringAPutShowsOnlyCompletedObjects() throws Exception {
        BlobStore store = new CompletedObjectsOnly(new FilesystemNio2BlobStore(root.toString()));

        List<String> duringPut = keysListedWhileAPutIsHalfWritten(store);

        assertThat(duringPut).containsExactly("done.txt");
        assertThat(keys(store)).containsExactlyInAnyOrder("done.txt", "slow.bin");
    }

    @Test
    void withoutItTheFilesystemStoreListsTheUploadsTemporaryFile() throws Exception {
        BlobStore store = new FilesystemNio2BlobStore(root.toString());

        List<String> duringPut = keysListedWhileAPutIsHalfWritten(store);

        assertThat(duringPut).hasSize(2).anyMatch(k -> k.matches("slow\\.bin-[0-9a-f-]{36}"));
    }

    private static List<String> keysListedWhileAPutIsHalfWritten(BlobStore store) throws Exception {
        store.createContainer("bucket");
        store.putBlob(PutObjectRequest.builder().bucket("bucket").key("done.txt").contentLength(2L).build(),
                new java.io.ByteArrayInputStream(new byte[] {'o', 'k'}));
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?> put = CompletableFuture.runAsync(() -> store.putBlob(
                PutObjectRequest.builder().bucket("bucket").key("slow.bin").contentLength((long) SIZE).build(),
                new PausingStream(halfWritten, release)));
        assertThat(halfWritten.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50); // let the half that was read reach the file
        List<String> listed = keys(store);
        release.countDown();
        put.get(10, TimeUnit.SECONDS);
        return listed;
    }

    private static List<String> keys(BlobStore store) {
        return store.list(ListObjectsV2Request.builder().bucket("bucket").build()).contents().stream()
                .map(S3Object::key).toList();
    }

    /** Serves half its bytes, then waits until released. */
    private static final class PausingStream extends InputStream {
        private final CountDownLatch halfWritten;
        private final CountDownLatch release;
        private int served;

        PausingStream(CountDownLatch halfWritten, CountDownLatch release) {
            this.halfWritten = halfWritten;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (served == SIZE) {
                return -1;
            }
            if (served == SIZE / 2) {
                halfWritten.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int n = Math.min(length, (served < SIZE / 2 ? SIZE / 2 : SIZE) - served);
            served += n;
            return n;
        }
    }
}
