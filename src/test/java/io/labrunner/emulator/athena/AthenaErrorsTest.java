package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures read like Athena's StateChangeReason, with positions in the statement the user wrote. */
class AthenaErrorsTest {
    @TempDir
    static Path root;
    static Fixtures fixtures;

    @BeforeAll
    static void setUp() throws Exception {
        fixtures = new Fixtures(root);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("SELECT x FROM sales",
                        "COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved"),
                Arguments.of("SELECT id,\n  nope\nFROM sales",
                        "COLUMN_NOT_FOUND: line 2:3: Column 'nope' cannot be resolved"),
                Arguments.of("SELECT date_format(sold_at, '%Y'), bad FROM sales",
                        "COLUMN_NOT_FOUND: line 1:36: Column 'bad' cannot be resolved"),
                Arguments.of("SELECT * FROM nosuch",
                        "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.lab.nosuch' does not exist"),
                Arguments.of("SELECT * FROM lab.nosuch",
                        "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.lab.nosuch' does not exist"),
                Arguments.of("SELECT * FROM sales s JOIN \"default\".missing m ON s.id = m.id",
                        "TABLE_NOT_FOUND: line 1:28: Table 'awsdatacatalog.default.missing' does not exist"),
                Arguments.of("SELECT * FROM nodb.sales",
                        "SCHEMA_NOT_FOUND: line 1:15: Schema 'nodb' does not exist"),
                Arguments.of("SELECT * FORM sales",
                        "SYNTAX_ERROR: line 1:15: mismatched input 'sales'"),
                Arguments.of("SELEC 1",
                        "SYNTAX_ERROR: line 1:1: mismatched input 'SELEC'"),
                Arguments.of("SELECT no_such_fn(id) FROM sales",
                        "FUNCTION_NOT_FOUND: line 1:8: Function 'no_such_fn' not registered"),
                Arguments.of("SELECT CAST('abc' AS integer)",
                        "INVALID_CAST_ARGUMENT: "),
                Arguments.of("SELECT customer, count(*) FROM sales",
                        "EXPRESSION_NOT_AGGREGATE: line 1:8: 'customer' must be an aggregate expression or appear in GROUP BY clause"),
                Arguments.of("SELECT id FROM sales a JOIN sales b ON a.id = b.id",
                        "AMBIGUOUS_NAME: line 1:8: Column 'id' is ambiguous"),
                Arguments.of("DROP TABLE nosuch",
                        "FAILED: SemanticException [Error 10001]: Table not found lab.nosuch"),
                Arguments.of("SHOW PARTITIONS nosuch",
                        "TABLE_NOT_FOUND: line 1:17: Table 'awsdatacatalog.lab.nosuch' does not exist"),
                Arguments.of("CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET",
                        "INVALID_INPUT: CREATE EXTERNAL TABLE needs a LOCATION"),
                Arguments.of("CREATE TABLE sales WITH (format = 'PARQUET') AS SELECT 1 AS a",
                        "TABLE_ALREADY_EXISTS: line 1:14: Table 'awsdatacatalog.lab.sales' already exists"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresCarryAthenasReason(String sql, String expectedPrefix) {
        assertThatThrownBy(() -> fixtures.run(sql)).isInstanceOf(AthenaQueryException.class)
                .message().startsWith(expectedPrefix);
    }
}
