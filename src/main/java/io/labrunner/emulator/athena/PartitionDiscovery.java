package io.labrunner.emulator.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds Hive-style {@code key=value/} folders under a table's location, as MSCK REPAIR TABLE does. */
final class PartitionDiscovery {
    private final BlobLocations blobs;

    PartitionDiscovery(BlobLocations blobs) {
        this.blobs = blobs;
    }

    /** Partitions whose folders follow the table's keys in order, sorted by path. */
    List<PartitionDef> discover(TableDef table) {
        List<PartitionDef> found = new ArrayList<>();
        walk(table, blobs.path(table.location()), 0, new ArrayList<>(), found);
        return found;
    }

    private void walk(TableDef table, Path dir, int level, List<String> values, List<PartitionDef> found) {
        if (level == table.partitionKeys().size()) {
            found.add(new PartitionDef(values, blobs.uri(dir, true)));
            return;
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        String key = table.partitionKeys().get(level).name().toLowerCase(Locale.ROOT);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                int eq = name.indexOf('=');
                if (!Files.isDirectory(child) || eq < 0 || !name.substring(0, eq).toLowerCase(Locale.ROOT).equals(key)) {
                    continue;
                }
                List<String> next = new ArrayList<>(values);
                next.add(URLDecoder.decode(name.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
                walk(table, child, level + 1, next, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Hive partition path {@code k1=v1/k2=v2} for values of the table's keys. */
    static String partitionName(TableDef table, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            parts.add(table.partitionKeys().get(k).name() + "=" + values.get(k));
        }
        return String.join("/", parts);
    }
}
