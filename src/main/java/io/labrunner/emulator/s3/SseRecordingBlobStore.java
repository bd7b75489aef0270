package io.labrunner.emulator.s3;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gaul.s3proxy.nio2blob.AbstractNio2BlobStore;

/**
 * S3Proxy's filesystem store (as {@code FilesystemNio2BlobStore}) that also keeps each object's server-side
 * encryption — algorithm, KMS key, context, bucket key, SSE-C key MD5 — in the file's extended attributes, and
 * reports it on every response as S3 does; an object without them reads back as SSE-S3, the encryption S3
 * gives every object. The bytes themselves stay plain: Athena and the Glue crawler read these files directly.
 * Keys are resolved and authorized before a write reaches the store ({@link ObjectEncryption}).
 */
final class SseRecordingBlobStore extends AbstractNio2BlobStore {

    SseRecordingBlobStore(Path root) {
        super(root);
        if (!Files.exists(getRoot())) {
            throw new IllegalStateException(new NoSuchFileException(getRoot().toString()));
        }
    }

    @Override
    public boolean supportsServerSideEncryption() {
        return true;
    }
}
