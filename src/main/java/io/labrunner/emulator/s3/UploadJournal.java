package io.labrunner.emulator.s3;

import io.labrunner.emulator.state.StateMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Makes sure an upload cut short by a killed emulator never shows up as an object. S3Proxy's
 * filesystem store writes a new object to {@code <key>-<uuid>} beside its key and renames it
 * atomically once the body is in; a kill -9 in between leaves that file, which the next start would
 * list as an object of its own. This journal records every write in flight in the state store,
 * committed before the write begins, and at start removes the leftover files of the writes it finds.
 * Only files named after a journaled key are touched: a real object whose name ends in a UUID (as
 * Firehose names them) is never mistaken for a leftover.
 */
final class UploadJournal extends ForwardingBlobStore {
    private static final Pattern UUID_SUFFIX =
            Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final StateMap<String> inFlight;

    /**
     * @param root     the folder holding the buckets
     * @param inFlight {@code bucket/key} of each write in flight, by a random id
     */
    UploadJournal(BlobStore delegate, Path root, StateMap<String> inFlight) {
        super(delegate);
        this.inFlight = inFlight;
        removeLeftovers(root);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream body) {
        return journaled(request.bucket(), request.key(), () -> super.putBlob(request, body));
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return journaled(request.destinationBucket(), request.destinationKey(), () -> super.copyBlob(request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        return journaled(request.bucket(), request.key(), () -> super.completeMultipartUpload(upload, request));
    }

    private <T> T journaled(String bucket, String key, Supplier<T> write) {
        String id = UUID.randomUUID().toString();
        inFlight.put(id, bucket + "/" + key);
        inFlight.commit();
        try {
            return write.get();
        } finally {
            // Committed with the next request: until then a restart only looks for a leftover in vain.
            inFlight.remove(id);
        }
    }

    private void removeLeftovers(Path root) {
        for (String object : inFlight.values()) {
            Path target = root.resolve(object).normalize();
            Path folder = target.getParent();
            if (!target.startsWith(root) || folder == null || !Files.isDirectory(folder)) {
                continue;
            }
            String name = target.getFileName().toString();
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder, name + "-*")) {
                for (Path sibling : siblings) {
                    String suffix = sibling.getFileName().toString().substring(name.length());
                    if (UUID_SUFFIX.matcher(suffix).matches() && Files.isRegularFile(sibling)) {
                        Files.delete(sibling);
                    }
                }
            } catch (IOException e) {
                // A leftover that cannot be removed now is tried again at the next start.
                continue;
            }
        }
        inFlight.removePrefix("");
        inFlight.commit();
    }
}
