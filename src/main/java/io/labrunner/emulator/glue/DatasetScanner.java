package io.labrunner.emulator.glue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the tables under one S3 include path, as a Glue crawler does: the highest folder whose files
 * all share a similar schema becomes a table, its subfolders become partitions ({@code key=value}
 * folders name their key; other folders become {@code partition_0}, {@code partition_1}, ...).
 * https://docs.aws.amazon.com/glue/latest/dg/crawler-s3-folder-table-partition.html
 */
final class DatasetScanner {
    private final SchemaInference inference;
    private final Map<Path, FileSchema> schemas = new HashMap<>();
    private final boolean combineCompatible;

    /**
     * @param combineCompatible the crawler's {@code TableGroupingPolicy: CombineCompatibleSchemas}:
     *                          files of one format make one table, however their columns differ
     */
    DatasetScanner(SchemaInference inference, boolean combineCompatible) {
        this.inference = inference;
        this.combineCompatible = combineCompatible;
    }

    /**
     * Scans {@code root}, the local folder of {@code s3Uri}, and returns the datasets found.
     *
     * @param exclusions glob patterns relative to the include path, as S3Target.Exclusions
     */
    List<Dataset> scan(Path root, String s3Uri, List<String> exclusions) throws IOException {
        return scan(root, s3Uri, exclusions, file -> true);
    }

    /**
     * As {@link #scan(Path, String, List)}, reading only the files {@code readable} lets through: the others are
     * left out, as a crawler infers no schema from an object its role may not get.
     */
    List<Dataset> scan(Path root, String s3Uri, List<String> exclusions, Predicate<Path> readable) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<PathMatcher> excluded = exclusions.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(BlobFolders::isPlainFile)
                    .filter(f -> !hidden(root.relativize(f)))
                    .filter(f -> excluded.stream().noneMatch(m -> m.matches(root.relativize(f))))
                    .filter(readable)
                    .sorted().toList();
        }
        List<Path> classified = new ArrayList<>();
        for (Path f : files) {
            inference.infer(f).ifPresent(s -> {
                schemas.put(f, s);
                classified.add(f);
            });
        }
        List<Dataset> datasets = new ArrayList<>();
        String base = s3Uri.endsWith("/") ? s3Uri : s3Uri + "/";
        group(root, base, classified, datasets);
        return datasets;
    }

    private void group(Path dir, String s3Dir, List<Path> files, List<Dataset> out) {
        if (files.isEmpty()) {
            return;
        }
        FileSchema first = schemas.get(files.get(0));
        boolean similar = files.stream().allMatch(f -> combineCompatible
                ? schemas.get(f).classification().equals(first.classification())
                : schemas.get(f).similarTo(first));
        if (similar) {
            out.add(dataset(dir, s3Dir, files));
            return;
        }
        Map<String, List<Path>> byChild = new TreeMap<>();
        List<Path> direct = new ArrayList<>();
        for (Path f : files) {
            Path rel = dir.relativize(f);
            if (rel.getNameCount() == 1) {
                direct.add(f);
            } else {
                byChild.computeIfAbsent(rel.getName(0).toString(), k -> new ArrayList<>()).add(f);
            }
        }
        if (!direct.isEmpty()) {
            out.add(dataset(dir, s3Dir, direct));
        }
        byChild.forEach((child, childFiles) -> group(dir.resolve(child), s3Dir + child + "/", childFiles, out));
    }

    private Dataset dataset(Path dir, String s3Dir, List<Path> files) {
        // Files at the most common depth define the partition levels; strays at other depths are left out.
        Map<Integer, List<Path>> byDepth = new TreeMap<>();
        files.forEach(f -> byDepth.computeIfAbsent(dir.relativize(f).getNameCount() - 1, k -> new ArrayList<>()).add(f));
        List<Path> chosen = byDepth.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        int depth = dir.relativize(chosen.get(0)).getNameCount() - 1;

        List<String> keys = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            keys.add(keyName(dir, chosen, level));
        }
        Map<List<String>, List<Path>> byPartition = new LinkedHashMap<>();
        for (Path f : chosen) {
            Path rel = dir.relativize(f);
            List<String> values = new ArrayList<>();
            for (int level = 0; level < depth; level++) {
                String segment = rel.getName(level).toString();
                int eq = segment.indexOf('=');
                values.add(eq > 0 && keys.get(level).equals(segment.substring(0, eq).toLowerCase(Locale.ROOT))
                        ? segment.substring(eq + 1) : segment);
            }
            byPartition.computeIfAbsent(values, k -> new ArrayList<>()).add(f);
        }
        Map<List<String>, Dataset.PartitionData> partitions = new LinkedHashMap<>();
        if (depth > 0) {
            byPartition.forEach((values, partFiles) -> {
                Path rel = dir.relativize(partFiles.get(0)).getParent();
                String location = s3Dir + rel.toString().replace('\\', '/') + "/";
                partitions.put(values, new Dataset.PartitionData(location, merge(partFiles), partFiles.size()));
            });
        }
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return new Dataset(name, s3Dir, merge(chosen), chosen.size(), keys, partitions);
    }

    /** A level's key is the shared {@code key} of {@code key=value} folders, else {@code partition_N}. */
    private static String keyName(Path dir, List<Path> files, int level) {
        String key = null;
        for (Path f : files) {
            String segment = dir.relativize(f).getName(level).toString();
            int eq = segment.indexOf('=');
            String k = eq > 0 ? segment.substring(0, eq).toLowerCase(Locale.ROOT) : null;
            if (k == null || (key != null && !key.equals(k))) {
                return "partition_" + level;
            }
            key = k;
        }
        return key;
    }

    /** Union of the files' columns in first-seen order, types widened where files disagree. */
    private FileSchema merge(List<Path> files) {
        Map<String, String> columns = new LinkedHashMap<>();
        long records = 0;
        long size = 0;
        FileSchema first = schemas.get(files.get(0));
        for (Path f : files) {
            FileSchema s = schemas.get(f);
            s.columns().forEach(c -> columns.merge(c.name(), c.type(), HiveTypes::widen));
            records += s.records();
            size += s.size();
        }
        List<Column> merged = new ArrayList<>();
        columns.forEach((n, t) -> merged.add(Column.of(n, t)));
        return new FileSchema(first.classification(), merged, records, size, first.compression(), first.formatParams());
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String s = part.toString();
            if (s.startsWith(".") || s.startsWith("_") || s.endsWith("$folder$")) {
                return true;
            }
        }
        return false;
    }
}
