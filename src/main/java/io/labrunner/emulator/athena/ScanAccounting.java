package io.labrunner.emulator.athena;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Counts bytes scanned the way Athena bills them: text formats (CSV, JSON) are read whole, so
 * every object of every touched partition counts in full; Parquet is columnar, so only the
 * compressed column chunks of the columns the query mentions count.
 *
 * <p>This is the true figure, which is what {@code Statistics.DataScannedInBytes} reports.
 * The bill rounds it up to the next megabyte with a 10 MB minimum per query
 * (https://aws.amazon.com/athena/pricing/); {@link #billedBytes(long)} gives that figure.
 */
final class ScanAccounting {
    private static final long MEGABYTE = 1024L * 1024L;

    private ScanAccounting() {
    }

    /** Bytes a query reading {@code columns} (null: all) of these files scans. */
    static long scannedBytes(Connection connection, TableDef table, List<Path> files, Set<String> columns)
            throws SQLException {
        if (files.isEmpty()) {
            return 0;
        }
        if (table.formatKind() != HiveFormats.Kind.PARQUET) {
            long total = 0;
            for (Path f : files) {
                total += BlobLocations.size(f);
            }
            return total;
        }
        long total = 0;
        String sql = "SELECT path_in_schema, total_compressed_size FROM parquet_metadata("
                + TableRelations.fileList(files) + ")";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String topLevel = rs.getString(1).split(",")[0].trim().toLowerCase(Locale.ROOT);
                if (columns == null || columns.contains(topLevel)) {
                    total += rs.getLong(2);
                }
            }
        }
        return total;
    }

    /** The columns of a table a query mentions by name; null when it selects {@code *}. */
    static Set<String> referencedColumns(QueryAnalysis query) {
        return query.selectsStar ? null : query.identifiers;
    }

    /** What the bill charges for: rounded up to whole megabytes, at least 10 MB. */
    static long billedBytes(long scannedBytes) {
        long megabytes = Math.max(10, (scannedBytes + MEGABYTE - 1) / MEGABYTE);
        return megabytes * MEGABYTE;
    }

    static List<Path> allFiles(List<TableRelations.FileGroup> groups) {
        List<Path> files = new ArrayList<>();
        for (TableRelations.FileGroup g : groups) {
            files.addAll(g.files());
        }
        return files;
    }
}
