package io.labrunner.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

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
     * Why {@code key} cannot be stored in {@code bucket} now, given the objects already there, or null. A
     * key ending in '/' is a folder marker here and holds no content.
     */
    String problem(String bucket, String key) {
        String shape = shapeProblem(key);
        if (shape != null) {
            return shape;
        }
        Path bucketDir = root.resolve(bucket);
        boolean marker = key.endsWith("/");
        String[] segments = (marker ? key.substring(0, key.length() - 1) : key).split("/");
        Path path = bucketDir;
        for (int i = 0; i < segments.length; i++) {
            path = path.resolve(segments[i]);
            boolean last = i == segments.length - 1;
            if ((!last || marker) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                return "the object '" + String.join("/", java.util.Arrays.copyOf(segments, i + 1))
                        + "' exists, and the emulator cannot keep keys under it beside it";
            }
        }
        if (!marker && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "objects under '" + key + "/' exist, and the emulator cannot keep the key '" + key
                    + "' beside them";
        }
        return null;
    }
}
