package io.labrunner.emulator.glue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an S3 location's objects live under the blob root, and only there. S3 keys are opaque: on AWS
 * {@code s3://bucket/../x/} names objects whose keys start with a literal {@code ../}, and a crawl of it
 * finds whatever such objects exist. The emulator's store holds no key with a {@code .}, {@code ..} or
 * empty segment, so such a location has no objects here; it must never become a folder outside the
 * bucket. The folder's real path (links followed) must also stay inside the blob root.
 */
final class BlobFolders {
    private final Path blobRoot;

    BlobFolders(Path blobRoot) {
        this.blobRoot = blobRoot;
    }

    /** The bucket's folder, or empty when no such bucket can exist here. */
    Optional<Path> bucket(String bucket) {
        if (bucket.isEmpty() || bucket.equals(".") || bucket.equals("..") || bucket.indexOf('/') >= 0
                || bucket.indexOf('\\') >= 0 || bucket.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return inside(blobRoot.resolve(bucket));
    }

    /** The folder holding the objects under {@code location}, or empty when it holds none here. */
    Optional<Path> folder(S3Location location) {
        Optional<Path> bucket = bucket(location.bucket());
        if (bucket.isEmpty() || location.key().isEmpty()) {
            return bucket;
        }
        for (String segment : location.key().split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
                return Optional.empty();
            }
        }
        return inside(bucket.get().resolve(location.key()));
    }

    /** The folder when it is a directory whose real path lies under the blob root's real path. */
    private Optional<Path> inside(Path folder) {
        Path normal = folder.normalize();
        if (!normal.startsWith(blobRoot.normalize()) || !Files.isDirectory(normal)) {
            return Optional.empty();
        }
        try {
            return normal.toRealPath().startsWith(blobRoot.toRealPath()) ? Optional.of(normal) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True for a regular file that is not a link: a crawl reads nothing a link points at. */
    static boolean isPlainFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }
}
