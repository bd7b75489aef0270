package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.ConfinedDuckDb;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes converted rows as one Parquet file with DuckDB: the rows go to a temporary newline-delimited JSON
 * file, read back with the table's column types and copied out as Parquet with ParquetSerDe's compression.
 */
final class ParquetWriter {

    private ParquetWriter() {
    }

    /**
     * The Parquet file's bytes.
     *
     * @param compression   SNAPPY, GZIP or UNCOMPRESSED
     * @param writerVersion V1 or V2
     */
    static byte[] write(List<RecordProjector.TableColumn> columns, List<ObjectNode> rows, String compression,
                        String writerVersion) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lab-firehose-parquet-");
            Path json = dir.resolve("rows.json");
            Path parquet = dir.resolve("rows.parquet");
            try (BufferedWriter out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                for (ObjectNode row : rows) {
                    out.write(row.toString());
                    out.write('\n');
                }
            }
            List<String> types = new ArrayList<>();
            for (RecordProjector.TableColumn c : columns) {
                types.add(literal(c.name()) + ": " + literal(c.type().duckDbType()));
            }
            String sql = "COPY (SELECT * FROM read_json(" + literal(json.toString())
                    + ", format = 'newline_delimited', columns = {" + String.join(", ", types) + "})) TO "
                    + literal(parquet.toString()) + " (FORMAT parquet, COMPRESSION "
                    + compression.toLowerCase(Locale.ROOT) + ", PARQUET_VERSION " + writerVersion + ")";
            try (Connection connection = ConfinedDuckDb.open(List.of(dir), "TimeZone='UTC'");
                 Statement st = connection.createStatement()) {
                st.execute(sql);
            }
            return Files.readAllBytes(parquet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not write Parquet: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary file is harmless.
        }
    }
}
