package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second fence: what a query could reach if the SQL check let it through. Every DuckDB session
 * is locked to the blob root, and the catalog (which the Glue API writes without the SQL check)
 * cannot smuggle host paths or statements in either.
 */
class AthenaSandboxEngineTest {
    static final String SECRET = "host-secret-91c2";

    @TempDir
    static Path root;
    @TempDir
    static Path host;
    static Fixtures fixtures;

    @BeforeAll
    static void setUp() throws Exception {
        fixtures = new Fixtures(root);
        Files.writeString(host.resolve("hostname"), SECRET + "\n");
    }

    static String literal(Path p) {
        return TableRelations.literal(p.toString());
    }

    @Nested
    @DisplayName("a DuckDB session")
    class Session {
        DuckSession open() {
            return new DuckSession(fixtures.catalog, new TableRelations(new BlobLocations(root)), "lab");
        }

        void execute(DuckSession session, String sql) throws SQLException {
            try (Statement st = session.connection().createStatement()) {
                st.execute(sql);
            }
        }

        @Test
        @DisplayName("cannot read a file outside the blob root, but reads the objects under it")
        void cannotReadOutsideTheBlobRoot() throws SQLException {
            try (DuckSession session = open()) {
                assertThatThrownBy(() -> execute(session, "SELECT content FROM read_text(" + literal(host.resolve("hostname")) + ")"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("Permission");
                assertThatThrownBy(() -> execute(session, "SELECT * FROM glob(" + literal(host.resolve("*")) + ")"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("Permission");
                assertThatThrownBy(() -> execute(session, "SELECT * FROM read_text("
                        + literal(root.resolve("data/../..").resolve(host.getFileName()).resolve("hostname")) + ")"))
                        .isInstanceOf(SQLException.class);
                execute(session, "SELECT content FROM read_text(" + literal(root.resolve("data/sales/part-1.csv")) + ")");
            }
        }

        @Test
        @DisplayName("cannot write a file outside the blob root, even in a second statement")
        void cannotWriteOutsideTheBlobRoot() {
            Path target = host.resolve("pwned.csv");
            try (DuckSession session = open()) {
                assertThatThrownBy(() -> execute(session, "SELECT 1; COPY (SELECT 'x') TO " + literal(target)))
                        .isInstanceOf(SQLException.class).hasMessageContaining("Permission");
                assertThatThrownBy(() -> execute(session, "ATTACH " + literal(host.resolve("x.db")) + " AS x"))
                        .isInstanceOf(SQLException.class);
            }
            assertThat(target).doesNotExist();
            assertThat(host.resolve("x.db")).doesNotExist();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"SET enable_external_access = true", "RESET enable_external_access",
                "SET allowed_directories = ['/']", "SET allowed_paths = ['/']", "SET lock_configuration = false",
                "RESET lock_configuration", "SET autoload_known_extensions = true", "SET temp_directory = '.tmp'",
                "SET allow_community_extensions = true", "INSTALL httpfs", "LOAD httpfs"})
        @DisplayName("cannot turn its lockdown off or load extensions")
        void cannotTurnItsLockdownOff(String sql) {
            try (DuckSession session = open()) {
                assertThatThrownBy(() -> execute(session, sql)).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> execute(session, "SELECT * FROM read_text(" + literal(host.resolve("hostname")) + ")"))
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    @DisplayName("a catalog view whose text reads a host file fails without reading it")
    void aViewReadingAHostFileFails() {
        fixtures.catalog.createTable(TableDef.view("lab", "peek", List.of(new Column("content", "string")),
                "SELECT content FROM read_text(" + literal(host.resolve("hostname")) + ")"));
        fixtures.catalog.createTable(TableDef.view("lab", "peek2", List.of(new Column("a", "int")),
                "SELECT 1 AS a; COPY (SELECT 'x') TO " + literal(host.resolve("view.csv"))));
        assertThatThrownBy(() -> fixtures.run("SELECT * FROM peek")).isInstanceOf(AthenaQueryException.class)
                .hasMessageStartingWith("SYNTAX_ERROR: line 1:30: mismatched input '('").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> fixtures.run("SELECT * FROM peek2")).isInstanceOf(AthenaQueryException.class)
                .hasMessageStartingWith("SYNTAX_ERROR: line 1:16: mismatched input 'COPY'. Expecting: <EOF>");
        assertThat(host.resolve("view.csv")).doesNotExist();
    }

    @Test
    @DisplayName("a catalog table whose location climbs out of the blob root fails without reading outside")
    void aTableLocationOutsideTheBlobRootFails() throws IOException {
        Files.createDirectories(host.resolve("outside"));
        Files.writeString(host.resolve("outside/data.csv"), SECRET + "\n");
        String location = "s3://data/../../" + host.getFileName() + "/outside/";
        fixtures.catalog.createTable(new TableDef("lab", "escape", List.of(new Column("a", "string")), List.of(),
                location, HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT, HiveFormats.LAZY_SIMPLE_SERDE,
                Map.of("field.delim", ","), Map.of()));
        assertThatThrownBy(() -> fixtures.run("SELECT * FROM escape")).isInstanceOf(AthenaQueryException.class)
                .hasMessage("INVALID_INPUT: Invalid location " + location + " for table. Only S3 locations are allowed");
    }

    @Test
    @DisplayName("a Parquet codec from the catalog cannot add a statement to the engine's COPY")
    void aParquetCodecCannotAddAStatement() {
        Path target = host.resolve("codec.csv");
        fixtures.catalog.createTable(new TableDef("lab", "codec", List.of(new Column("a", "int")), List.of(),
                "s3://data/codec/", HiveFormats.PARQUET_INPUT, HiveFormats.PARQUET_OUTPUT, HiveFormats.PARQUET_SERDE,
                Map.of(), Map.of("parquet.compression", "snappy); COPY (SELECT 1) TO '" + target + "' (FORMAT csv")));
        assertThatThrownBy(() -> fixtures.run("INSERT INTO codec SELECT 1")).isInstanceOf(AthenaQueryException.class)
                .hasMessageStartingWith("NOT_SUPPORTED: Unsupported Parquet compression");
        assertThat(target).doesNotExist();
    }

    @Test
    @DisplayName("an error DuckDB raises about an object names its s3:// URI, not the host path")
    void anErrorAboutAnObjectNamesItsS3Uri() throws IOException {
        fixtures.write("data/bad/part-0.parquet", "not parquet");
        fixtures.catalog.createTable(new TableDef("lab", "bad", List.of(new Column("a", "int")), List.of(),
                "s3://data/bad/", HiveFormats.PARQUET_INPUT, HiveFormats.PARQUET_OUTPUT, HiveFormats.PARQUET_SERDE,
                Map.of(), Map.of()));
        assertThatThrownBy(() -> fixtures.run("SELECT * FROM bad")).isInstanceOf(AthenaQueryException.class)
                .hasMessageContaining("s3://data/bad/part-0.parquet").hasMessageNotContaining(root.toString());
    }

    @Test
    @DisplayName("a function call in FROM other than UNNEST fails as in Trino, even for DuckDB's harmless ones")
    void aFunctionCallInFromFails() {
        assertThatThrownBy(() -> fixtures.run("SELECT * FROM range(1000000000000)")).isInstanceOf(AthenaQueryException.class)
                .hasMessageStartingWith("SYNTAX_ERROR: line 1:20: mismatched input '('");
        assertThatThrownBy(() -> fixtures.run("SELECT * FROM sales s JOIN generate_series(1, 3) g ON true"))
                .isInstanceOf(AthenaQueryException.class).hasMessageStartingWith("SYNTAX_ERROR: line 1:43: ");
    }

    @Test
    @DisplayName("one statement may end with a semicolon and a comment, and may hold semicolons in literals")
    void oneStatementMayEndWithASemicolonAndAComment() {
        assertThat(fixtures.run("SELECT 'a;b' /* ; */ AS s; -- done").rows()).containsExactly(List.of("a;b"));
        assertThat(fixtures.run("SELECT count(*) FROM sales;\n").rows()).containsExactly(List.of("4"));
        assertThatThrownBy(() -> fixtures.run("SELECT 1; SELECT 2")).isInstanceOf(AthenaQueryException.class)
                .hasMessage("SYNTAX_ERROR: line 1:11: mismatched input 'SELECT'. Expecting: <EOF>");
    }

    @Test
    @DisplayName("Trino's UNNEST and DuckDB functions that are also ordinary ones still work")
    void unnestAndOrdinaryFunctionsStillWork() {
        assertThat(fixtures.run("SELECT x FROM UNNEST(ARRAY[1, 2]) AS t(x) ORDER BY x").rows())
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(fixtures.run("SELECT count(*) FROM sales CROSS JOIN UNNEST(ARRAY[1, 2]) AS t(n)").rows())
                .containsExactly(List.of("8"));
    }
}
