package io.labrunner.emulator.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /** The folder or file an {@code s3://} URI names. */
    Path path(String s3Uri) {
        if (s3Uri == null || !s3Uri.startsWith("s3://")) {
            throw new AthenaQueryException("INVALID_INPUT", "Location must be an s3:// URI: " + s3Uri);
        }
        String rest = s3Uri.substring("s3://".length());
        Path p = root.resolve(rest).normalize();
        if (!p.startsWith(root)) {
            throw new AthenaQueryException("INVALID_INPUT", "Invalid location: " + s3Uri);
        }
        return p;
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
