package io.labrunner.emulator.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Maps {@code s3://bucket/key} URIs onto the emulator's blob root, where a bucket is a folder
 * and an object key a relative path, and lists the data files under a location.
 */
final class BlobLocations {
    private final Path root;

    BlobLocations(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder the blob root is, absolute and normalized. */
    Path root() {
        return root;
    }

    /**
     * True when an {@code s3://bucket/prefix} URI names a place under the blob root: a bucket,
     * and no {@code .} or {@code ..} segment (S3 would take them as literal key characters, but
     * the folder layout would climb out of the bucket with them).
     */
    boolean holds(String s3Uri) {
        if (s3Uri == null || !s3Uri.startsWith("s3://")) {
            return false;
        }
        String rest = s3Uri.substring("s3://".length());
        String[] segments = rest.split("/", -1);
        if (segments[0].isEmpty()) {
            return false;
        }
        for (String segment : segments) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        try {
            Path p = root.resolve(rest).normalize();
            return p.startsWith(root) && !p.equals(root);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * The folder or file an {@code s3://} URI names.
     *
     * @throws AthenaQueryException when the URI is not one the blob root {@link #holds(String)}
     */
    Path path(String s3Uri) {
        if (!holds(s3Uri)) {
            throw new AthenaQueryException("INVALID_INPUT", invalidLocation(s3Uri));
        }
        return root.resolve(s3Uri.substring("s3://".length())).normalize();
    }

    /**
     * Athena's words for a table location it will not take
     * (https://github.com/awsdocs/amazon-athena-user-guide/pull/4 quotes them).
     */
    static String invalidLocation(String location) {
        return "Invalid location " + location + " for table. Only S3 locations are allowed";
    }

    /**
     * A message with every host path under the blob root written as the {@code s3://} URI it
     * stands for, and the user's home folder hidden, so no error shows where the emulator keeps
     * its files. DuckDB names the files it failed on by their host paths.
     */
    String hideHostPaths(String message) {
        if (message == null) {
            return null;
        }
        String out = message.replace(root + root.getFileSystem().getSeparator(), "s3://").replace(root.toString(), "s3://");
        String home = System.getProperty("user.home");
        if (home != null && home.length() > 1) {
            out = out.replace(home, "~");
        }
        return out;
    }

    /** The {@code s3://} URI of a path under the root, folder URIs ending in a slash. */
    String uri(Path path, boolean folder) {
        String rel = root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return "s3://" + rel + (folder && !rel.endsWith("/") ? "/" : "");
    }

    /**
     * The data files under a location, recursively, skipping the names Athena ignores
     * (those starting with {@code _} or {@code .}, and {@code $folder$} markers). Sorted.
     */
    List<Path> dataFiles(String s3Uri) {
        Path dir = path(s3Uri);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile).filter(p -> visible(dir, p)).sorted().forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean visible(Path dir, Path file) {
        for (Path part : dir.relativize(file)) {
            String name = part.toString();
            if (name.startsWith("_") || name.startsWith(".") || name.endsWith("$folder$")) {
                return false;
            }
        }
        return true;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
