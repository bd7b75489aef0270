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
 *
 * <p>It versions objects, as S3Proxy's in-memory store does: the current version stays the plain file (what every
 * other operation, Athena and the crawler read), earlier versions and delete markers are files in the bucket's
 * {@code .s3proxy-versions} folder, named by a hash of the key and a sequence number, never by the key itself
 * (Athena and the crawler skip dot-folders; {@link FolderLayout} keeps keys out of that folder).
 */
final class SseRecordingBlobStore extends AbstractNio2BlobStore {

    static {
        VersionSequence.continueFromClock();
    }

    SseRecordingBlobStore(Path root) {
        super(root);
        if (!Files.exists(getRoot())) {
            throw new IllegalStateException(new NoSuchFileException(getRoot().toString()));
        }
    }

    @Override
    public boolean supportsVersioning() {
        return true;
    }

    @Override
    public boolean supportsServerSideEncryption() {
        return true;
    }
}
