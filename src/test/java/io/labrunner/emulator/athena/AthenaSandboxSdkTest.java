package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/**
 * The escapes a tester found against {@code lab emulator}, repeated through the AWS SDK: each
 * query is refused or FAILS the way Athena would, and its side effect (a host file read, a file
 * written outside the data folder, a table pointing outside it) does not happen. The host files
 * are stand-ins in a temporary folder outside the emulator's data folder.
 */
class AthenaSandboxSdkTest {
    static final String BUCKET = "athena-sandbox";
    static final String RESULTS = "s3://" + BUCKET + "/results/";
    static final String SECRET = "host-secret-7f3a";

    @TempDir
    static Path host;
    static Emulator emulator;
    static EmulatorClients clients;
    static AthenaClient athena;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(host.resolve("hostname"), SECRET + "\n");
        Files.writeString(host.resolve("passwd"), "root:x:0:0:" + SECRET + ":/root:/bin/sh\n");
        emulator = Emulator.builder().port(0).build().start();
        clients = new EmulatorClients(emulator);
        athena = clients.athena;
        clients.s3.createBucket(b -> b.bucket(BUCKET));
        clients.s3.putObject(p -> p.bucket(BUCKET).key("bad/part-0.parquet"),
                RequestBody.fromString("not a parquet file", StandardCharsets.UTF_8));
        succeed("CREATE DATABASE sandbox");
        succeed("CREATE EXTERNAL TABLE sandbox.broken (a string) STORED AS PARQUET LOCATION 's3://" + BUCKET + "/bad/'");
    }

    @AfterAll
    static void stop() {
        clients.close();
        emulator.close();
    }

    static String start(String sql) {
        return start(sql, RESULTS);
    }

    static String start(String sql, String output) {
        return athena.startQueryExecution(s -> s.queryString(sql).queryExecutionContext(c -> c.database("sandbox"))
                .resultConfiguration(r -> r.outputLocation(output))).queryExecutionId();
    }

    static QueryExecution succeed(String sql) {
        QueryExecution q = AthenaSdkTestSupport.await(athena, start(sql));
        assertThat(q.status().state()).as(sql + ": " + q.status().stateChangeReason())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        return q;
    }

    /** Runs a query that must FAIL; returns its StateChangeReason, checked to hold no host path. */
    static String fail(String sql) {
        QueryExecution q = AthenaSdkTestSupport.await(athena, start(sql));
        assertThat(q.status().state()).as(sql).isEqualTo(QueryExecutionState.FAILED);
        String reason = q.status().stateChangeReason();
        assertThat(reason).doesNotContain(SECRET).doesNotContain(emulator.getDataDir().toString());
        assertThat(q.status().athenaError().errorMessage()).isEqualTo(reason);
        return reason;
    }

    static String path(String name) {
        return host.resolve(name).toString().replace("'", "''");
    }

    @Test
    @DisplayName("read_text of a host file fails as Trino's parser fails on a function call in FROM")
    void readTextOfAHostFileFails() {
        String sql = "SELECT content FROM read_text('" + path("hostname") + "')";
        assertThat(fail(sql)).isEqualTo("SYNTAX_ERROR: line 1:30: mismatched input '('. Expecting: ',', 'CROSS', "
                + "'EXCEPT', 'FULL', 'GROUP', 'HAVING', 'INNER', 'INTERSECT', 'JOIN', 'LEFT', 'LIMIT', 'NATURAL', "
                + "'OFFSET', 'ORDER', 'RIGHT', 'TABLESAMPLE', 'UNION', 'WHERE', <EOF>");
    }

    @Test
    @DisplayName("read_csv of a passwd file fails and returns no line of it")
    void readCsvOfAPasswdFileFails() {
        assertThat(fail("SELECT * FROM read_csv('" + path("passwd") + "', sep = ':')"))
                .startsWith("SYNTAX_ERROR: line 1:23: mismatched input '('");
        assertThat(fail("SELECT * FROM main.read_csv_auto('" + path("passwd") + "')")).startsWith("SYNTAX_ERROR: ");
    }

    @Test
    @DisplayName("glob over a host folder fails, also when called as a scalar-looking function or by a quoted name")
    void globOfAHostFolderFails() {
        assertThat(fail("SELECT * FROM glob('" + path("*") + "')")).startsWith("SYNTAX_ERROR: line 1:19: mismatched input '('");
        assertThat(fail("SELECT (SELECT count(*) FROM \"glob\"('" + path("*") + "')) AS n"))
                .startsWith("SYNTAX_ERROR: ");
    }

    @Test
    @DisplayName("a file named in FROM, as a string or as a quoted name, is no table")
    void aFileNamedInFromIsNoTable() {
        Path object = emulator.blobRoot().resolve(BUCKET).resolve("bad/part-0.parquet");
        assertThat(fail("SELECT * FROM '" + path("passwd") + "'")).startsWith("SYNTAX_ERROR: line 1:15: mismatched input");
        assertThat(fail("SELECT * FROM \"" + object + "\""))
                .startsWith("TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sandbox.").endsWith("' does not exist");
    }

    @Test
    @DisplayName("DuckDB's own views, which show the host's paths, are no tables")
    void duckDbsOwnViewsAreNoTables() {
        assertThat(fail("SELECT setting FROM pg_settings WHERE name = 'allowed_directories'"))
                .isEqualTo("TABLE_NOT_FOUND: line 1:21: Table 'awsdatacatalog.sandbox.pg_settings' does not exist");
        assertThat(fail("SELECT * FROM pg_catalog.pg_settings")).startsWith("TABLE_NOT_FOUND: line 1:15: ");
        assertThat(fail("SELECT path FROM duckdb_databases")).startsWith("TABLE_NOT_FOUND: line 1:18: ");
        assertThat(fail("SELECT * FROM system.main.sqlite_master")).startsWith("TABLE_NOT_FOUND: line 1:15: ");
    }

    @Test
    @DisplayName("an ExecutionParameter cannot add a second statement")
    void anExecutionParameterCannotAddASecondStatement() {
        Path target = host.resolve("pwned-parameter.csv");
        assertThatThrownBy(() -> athena.startQueryExecution(s -> s.queryString("SELECT ?")
                .executionParameters("1; COPY (SELECT 'x') TO '" + target + "'")
                .queryExecutionContext(c -> c.database("sandbox")).resultConfiguration(r -> r.outputLocation(RESULTS))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Only one sql statement is allowed.");
        assertThat(target).doesNotExist();
    }

    @Test
    @DisplayName("COPY TO a host file fails and writes nothing")
    void copyToAHostFileFailsAndWritesNothing() {
        Path target = host.resolve("pwned.csv");
        assertThat(fail("COPY (SELECT 'x') TO '" + target + "'")).startsWith("SYNTAX_ERROR: line 1:1: mismatched input 'COPY'");
        assertThat(target).doesNotExist();
    }

    @Test
    @DisplayName("two statements in one query are refused at StartQueryExecution and the second never runs")
    void twoStatementsAreRefusedAndTheSecondNeverRuns() {
        Path target = host.resolve("pwned-two.csv");
        String sql = "SELECT 1; COPY (SELECT 'x') TO '" + target + "'";
        int before = athena.listQueryExecutions(l -> l.workGroup("primary")).queryExecutionIds().size();
        assertThatThrownBy(() -> start(sql)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Only one sql statement is allowed. Got: " + sql);
        assertThat(target).doesNotExist();
        assertThat(athena.listQueryExecutions(l -> l.workGroup("primary")).queryExecutionIds()).hasSize(before);
    }

    @Test
    @DisplayName("semicolons inside literals and comments, and one trailing semicolon, are one statement")
    void semicolonsInLiteralsAndATrailingOneAreOneStatement() {
        QueryExecution q = succeed("SELECT 'a;b' AS s, \"x;y\" FROM (SELECT 1 AS \"x;y\") -- ; not a second statement\n;");
        assertThat(q.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThatThrownBy(() -> start("SELECT 1;;")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @DisplayName("SET and RESET of DuckDB's security settings fail")
    void setAndResetOfSecuritySettingsFail() {
        for (String sql : List.of("SET enable_external_access = true", "RESET lock_configuration",
                "SET allowed_directories = ['/']", "PRAGMA enable_profiling", "CALL pragma_version()")) {
            assertThat(fail(sql)).as(sql).startsWith("SYNTAX_ERROR: line 1:1: mismatched input '");
        }
        assertThat(fail("SELECT current_setting('allowed_directories')"))
                .isEqualTo("FUNCTION_NOT_FOUND: line 1:8: Function 'current_setting' not registered");
        assertThat(fail("SELECT * FROM duckdb_settings()")).startsWith("SYNTAX_ERROR: line 1:30: mismatched input '('");
    }

    @Test
    @DisplayName("INSTALL, LOAD, ATTACH and SQL run from a string fail and create nothing")
    void installLoadAttachAndQueryFromAStringFail() {
        Path database = host.resolve("attached.db");
        for (String sql : List.of("INSTALL httpfs", "LOAD httpfs", "ATTACH '" + database + "' AS x",
                "EXPORT DATABASE '" + host.resolve("export") + "'", "CREATE SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')")) {
            assertThat(fail(sql)).as(sql).startsWith("SYNTAX_ERROR: line 1:1: mismatched input '");
        }
        assertThat(fail("SELECT * FROM query('SELECT 42')")).startsWith("SYNTAX_ERROR: line 1:20: mismatched input '('");
        assertThat(database).doesNotExist();
        assertThat(host.resolve("export")).doesNotExist();
    }

    @Test
    @DisplayName("a table LOCATION with '..' is refused and no table is created")
    void aTableLocationWithDotDotIsRefused() {
        String location = "s3://" + BUCKET + "/../../../outside/";
        assertThatThrownBy(() -> start("CREATE EXTERNAL TABLE escape (a string) LOCATION '" + location + "'"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Invalid location " + location + " for table. Only S3 locations are allowed");
        assertThatThrownBy(() -> clients.glue.getTable(g -> g.databaseName("sandbox").name("escape")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> start("CREATE TABLE escape2 WITH (external_location = 's3://" + BUCKET
                + "/../x/') AS SELECT 1 AS a")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> start("UNLOAD (SELECT 1 AS a) TO 's3://../x/' WITH (format = 'TEXTFILE')"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> start("CREATE EXTERNAL TABLE escape3 (a string) LOCATION '" + host.toUri() + "'"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @DisplayName("an OutputLocation with '..' is refused for a query and for a work group")
    void anOutputLocationWithDotDotIsRefused() {
        String output = "s3://" + BUCKET + "/../../../outside/";
        assertThatThrownBy(() -> start("SELECT 1", output)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("outputLocation is not a valid S3 path. Provided " + output);
        assertThatThrownBy(() -> start("SELECT 1", "s3://")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> athena.createWorkGroup(c -> c.name("escape").configuration(
                w -> w.resultConfiguration(r -> r.outputLocation(output))))).isInstanceOf(InvalidRequestException.class);
        assertThat(athena.listWorkGroups(l -> { }).workGroups()).noneMatch(g -> g.name().equals("escape"));
        assertThat(emulator.getDataDir().getParent().resolve("outside")).doesNotExist();
    }

    @Test
    @DisplayName("an error about an object names it by its s3:// URI, never by the host path")
    void anErrorAboutAnObjectNamesItsS3Uri() {
        String reason = fail("SELECT * FROM broken");
        assertThat(reason).contains("s3://" + BUCKET + "/bad/part-0.parquet")
                .doesNotContain(emulator.blobRoot().toString());
    }
}
