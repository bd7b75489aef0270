package io.labrunner.emulator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * In-memory DuckDB connections that can reach only the folders they are given. Every service that
 * hands DuckDB a file (Athena's queries, the Glue crawler's classifiers, Firehose's Parquet writer)
 * opens its connection here, so none of them can be turned into a way to read or write the host.
 *
 * <p>Settings follow DuckDB's "Securing DuckDB" guide
 * (https://duckdb.org/docs/stable/operations_manual/securing_duckdb/overview), checked against
 * duckdb_jdbc 2.0.0.1: no extension installing or loading (nor downloads, which cannot work
 * offline), no persistent secrets, no spill folder (DuckDB would add its path to the allowed ones),
 * files only under the given folders, then {@code lock_configuration} so no later SQL can undo it.
 */
public final class ConfinedDuckDb {

    private ConfinedDuckDb() {
    }

    /**
     * Opens a connection confined to {@code folders}.
     *
     * @param settings further {@code SET} statements applied before the lock (e.g. {@code "TimeZone='UTC'"})
     */
    public static Connection open(List<Path> folders, String... settings) throws SQLException {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("SET autoinstall_known_extensions=false");
            st.execute("SET autoload_known_extensions=false");
            st.execute("SET allow_community_extensions=false");
            st.execute("SET allow_persistent_secrets=false");
            st.execute("SET temp_directory=''");
            for (String setting : settings) {
                st.execute("SET " + setting);
            }
            st.execute("SET allowed_directories=[" + folders.stream()
                    .map(folder -> literal(folder.toAbsolutePath() + folder.getFileSystem().getSeparator()))
                    .collect(Collectors.joining(", ")) + "]");
            st.execute("SET enable_external_access=false");
            st.execute("SET lock_configuration=true");
        } catch (SQLException | RuntimeException e) {
            duck.close();
            throw e;
        }
        return duck;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
