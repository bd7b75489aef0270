package io.labrunner.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Which S3 keys the filesystem blob store can hold as plain files. S3 accepts any UTF-8 key up to 1,024
 * bytes, but the store maps {@code a/b/c} to the file {@code <bucket>/a/b/c}, so a key with a {@code .},
 * {@code ..} or empty segment would name another file (or one outside the bucket), a segment longer than
 * a file name cannot be created, and {@code dir} cannot be a file while {@code dir/obj} needs it to be a folder.
 */
final class FolderLayout {
    /** The longest file name on common filesystems. */
    static final int MAX_NAME_BYTES = 255;
    /** S3Proxy writes a new object to {@code <name>-<uuid>} first, so the last segment needs room for that. */
    static final int TEMP_SUFFIX_BYTES = 37;
    /** The folder in each bucket where the store keeps earlier versions ({@link SseRecordingBlobStore}). */
    static final String VERSIONS_FOLDER = ".s3proxy-versions";

    private final Path root;

    /** @param root the folder holding one folder per bucket */
    FolderLayout(Path root) {
        this.root = root;
    }

    /** Why {@code key} can never be stored here, or null when its shape fits the layout. */
    static String shapeProblem(String key) {
        if (key.indexOf('\0') >= 0) {
            return "it contains a NUL character";
        }
        String[] segments = key.split("/", -1);
        if (segments[0].equals(VERSIONS_FOLDER)) {
            return "its first segment names the folder of earlier versions";
        }
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty() && !(last && i > 0)) {
                return "it has an empty segment (a leading '/' or '//')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "it has a '" + segment + "' segment";
            }
            int limit = last ? MAX_NAME_BYTES - TEMP_SUFFIX_BYTES : MAX_NAME_BYTES;
            if (segment.getBytes(StandardCharsets.UTF_8).length > limit) {
                return "a segment between '/' is longer than " + limit + " bytes";
            }
        }
        return null;
    }

    /**
     * Why a multipart upload to {@code key} cannot be held, or null: the store keeps each part in a file
     * named {@code .mpus-<upload id>-<key>-<part number>}, which needs more room than the key alone.
     */
    static String multipartShapeProblem(String key) {
        String problem = shapeProblem(key);
        if (problem != null || key.endsWith("/")) {
            return problem == null ? "it ends in '/'" : problem;
        }
        return shapeProblem(".mpus-" + "0".repeat(36) + "-" + key + "-10000");
    }

    /**
     * The key of an object already stored as a file where {@code key} needs a folder ({@code dir} for
     * {@code dir/obj} or the marker {@code dir/}), or null. {@code key} must have a holdable shape.
     */
    String objectAbove(String bucket, String key) {
        String[] segments = withoutMarkerSlash(key).split("/");
        Path path = root.resolve(bucket);
        int last = key.endsWith("/") ? segments.length : segments.length - 1;
        for (int i = 0; i < last; i++) {
            path = path.resolve(segments[i]);
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                return String.join("/", Arrays.copyOf(segments, i + 1));
            }
        }
        return null;
    }

    /** True when objects under {@code key/} are stored, so {@code key} itself cannot be a file. */
    boolean hasObjectsUnder(String bucket, String key) {
        return !key.endsWith("/") && Files.isDirectory(root.resolve(bucket).resolve(key), LinkOption.NOFOLLOW_LINKS);
    }

    /** The file holding the object {@code key}, which must have a holdable shape. */
    Path fileOf(String bucket, String key) {
        return root.resolve(bucket).resolve(key);
    }

    private static String withoutMarkerSlash(String key) {
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }
}
