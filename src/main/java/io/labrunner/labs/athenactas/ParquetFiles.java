package io.labrunner.labs.athenactas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a table's files really are, read from S3 rather than from its catalog entry: a Parquet
 * file starts and ends with the magic bytes {@code PAR1}, and its footer names each column
 * chunk's codec (read here with DuckDB's {@code parquet_metadata}).
 */
final class ParquetFiles {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** The data files under a location: how many, how many are Parquet, and their codecs. */
    record Survey(int files, List<String> notParquet, Set<String> codecs, long bytes) {
    }

    private ParquetFiles() {
    }

    static Survey survey(S3Client s3, String location) throws IOException, SQLException {
        String withoutScheme = location.substring("s3://".length());
        String bucket = withoutScheme.substring(0, withoutScheme.indexOf('/'));
        String prefix = withoutScheme.substring(withoutScheme.indexOf('/') + 1);
        List<S3Object> objects = s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents()
                .stream().filter(o -> o.size() > 0 && !o.key().endsWith("/")).toList();
        List<String> notParquet = new ArrayList<>();
        Set<String> codecs = new TreeSet<>();
        long bytes = 0;
        int footersRead = 0;
        for (S3Object object : objects) {
            byte[] data = s3.getObjectAsBytes(get -> get.bucket(bucket).key(object.key())).asByteArray();
            bytes += data.length;
            if (!isParquet(data)) {
                notParquet.add(object.key().substring(prefix.length()));
            } else if (footersRead++ < 3) {
                // The writer used one codec for all files of a statement; three footers show it.
                codecs.addAll(codecsOf(data));
            }
        }
        return new Survey(objects.size(), notParquet, codecs, bytes);
    }

    static boolean isParquet(byte[] data) {
        if (data.length < 12) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (data[i] != MAGIC[i] || data[data.length - 4 + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> codecsOf(byte[] parquet) throws IOException, SQLException {
        Path file = Files.createTempFile("orders-", ".parquet");
        Properties offline = new Properties();
        offline.setProperty("autoinstall_known_extensions", "false");
        offline.setProperty("autoload_known_extensions", "false");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", offline);
             Statement statement = duckdb.createStatement()) {
            Files.write(file, parquet);
            Set<String> codecs = new TreeSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('"
                    + file.toString().replace("'", "''") + "')")) {
                while (rows.next()) {
                    codecs.add(rows.getString(1));
                }
            }
            return codecs;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
