package io.labrunner.emulator.glue;

import java.util.List;
import java.util.Map;

/**
 * What a classifier learned from one data file.
 *
 * @param classification {@code csv}, {@code json}, {@code parquet} or {@code avro}
 * @param columns        inferred columns, names lower-cased
 * @param records        number of records in the file
 * @param size           file size in bytes
 * @param compression    {@code none} or {@code gzip}
 * @param formatParams   format details (delimiter, header, avro schema) the table's SerDe needs
 */
record FileSchema(
        String classification,
        List<Column> columns,
        long records,
        long size,
        String compression,
        Map<String, String> formatParams) {

    /**
     * Glue merges files into one table when their schemas are similar. Here: same format and at least
     * 70% of the smaller schema's column names shared, so a schema that only gained columns stays similar.
     */
    boolean similarTo(FileSchema other) {
        if (!classification.equals(other.classification)
                || !formatParams.getOrDefault("delimiter", "").equals(other.formatParams.getOrDefault("delimiter", ""))) {
            return false;
        }
        java.util.Set<String> mine = new java.util.HashSet<>();
        columns.forEach(c -> mine.add(c.name()));
        long shared = other.columns.stream().filter(c -> mine.contains(c.name())).count();
        int smaller = Math.min(columns.size(), other.columns.size());
        return smaller == 0 || (double) shared / smaller >= 0.7;
    }
}
