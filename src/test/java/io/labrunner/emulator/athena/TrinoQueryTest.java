package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Trino queries over CSV, JSON and partitioned Parquet tables, with the rows Athena would return. */
class TrinoQueryTest {
    @TempDir
    static Path root;
    static Fixtures fixtures;

    @BeforeAll
    static void setUp() throws Exception {
        fixtures = new Fixtures(root);
    }

    /** Rows rendered as "a|b" lines, NULL as "∅". */
    static List<String> lines(QueryResult r) {
        List<String> out = new ArrayList<>();
        for (List<String> row : r.rows()) {
            List<String> cells = new ArrayList<>();
            row.forEach(v -> cells.add(v == null ? "∅" : v));
            out.add(String.join("|", cells));
        }
        return out;
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("CSV with a header, typed by the catalog, empty number as NULL",
                        "SELECT id, customer, amount, sold_at FROM sales ORDER BY id",
                        List.of("1|alice|10.50|2024-01-05 10:00:00.000", "2|bob|20.00|2024-01-06 11:30:00.000",
                                "3|alice|5.25|2024-02-01 09:15:00.000", "4|carol|∅|2024-02-03 08:00:00.000")),
                Arguments.of("db.table and awsdatacatalog.db.table name the same table",
                        "SELECT count(*) FROM lab.sales UNION ALL SELECT count(*) FROM awsdatacatalog.lab.sales",
                        List.of("4", "4")),
                Arguments.of("GROUP BY with an aggregate over decimals",
                        "SELECT customer, sum(amount) AS total FROM sales GROUP BY customer ORDER BY customer",
                        List.of("alice|15.75", "bob|20.00", "carol|∅")),
                Arguments.of("date_format with MySQL-style specifiers",
                        "SELECT date_format(sold_at, '%Y-%m-%d %H:%i:%s') FROM sales WHERE id = 2",
                        List.of("2024-01-06 11:30:00")),
                Arguments.of("date_trunc by month and count per month",
                        "SELECT date_format(date_trunc('month', sold_at), '%Y-%m'), count(*) FROM sales GROUP BY 1 ORDER BY 1",
                        List.of("2024-01|2", "2024-02|2")),
                Arguments.of("date_parse and from_iso8601_timestamp",
                        "SELECT date_parse('05/01/2024 10:20', '%d/%m/%Y %H:%i'), from_iso8601_timestamp('2024-01-05T10:00:00Z')",
                        List.of("2024-01-05 10:20:00.000|2024-01-05 10:00:00.000 UTC")),
                Arguments.of("date_add and date_diff",
                        "SELECT date_add('day', 3, TIMESTAMP '2024-01-30 10:00:00'), "
                                + "date_diff('day', TIMESTAMP '2024-01-01 23:00:00', TIMESTAMP '2024-01-03 01:00:00')",
                        List.of("2024-02-02 10:00:00.000|1")),
                Arguments.of("date_trunc and date_add keep dates as dates",
                        "SELECT date_trunc('month', DATE '2024-03-05'), date_add('month', 1, DATE '2024-01-31'), "
                                + "date_add('quarter', 1, DATE '2024-01-15')",
                        List.of("2024-03-01|2024-02-29|2024-04-15")),
                Arguments.of("approx_distinct, arbitrary and regexp_like",
                        "SELECT approx_distinct(customer), arbitrary(region) IS NOT NULL FROM sales WHERE regexp_like(customer, '^a')",
                        List.of("1|true")),
                Arguments.of("TRY_CAST and CAST to varchar",
                        "SELECT TRY_CAST('x' AS integer), CAST(id AS varchar) || '!' FROM sales WHERE id = 1",
                        List.of("∅|1!")),
                Arguments.of("JSON lines with arrays: cardinality and element_at",
                        "SELECT \"user\", cardinality(tags), element_at(tags, 1) FROM events ORDER BY \"user\", kind",
                        List.of("alice|2|a", "alice|1|c", "bob|0|∅")),
                Arguments.of("JSON numbers and nulls",
                        "SELECT kind, score FROM events WHERE \"user\" = 'alice' ORDER BY kind",
                        List.of("click|1.5", "view|∅")),
                Arguments.of("partition columns come from registered partitions",
                        "SELECT year, month, count(*) FROM trips GROUP BY year, month ORDER BY year, month",
                        List.of("2023|01|30", "2023|02|30", "2024|01|30", "2024|02|30")),
                Arguments.of("a filter on partition columns",
                        "SELECT min(trip_id), max(trip_id) FROM trips WHERE year = '2024' AND month IN ('02')",
                        List.of("61|119")),
                Arguments.of("joins and CTEs pass through",
                        "WITH t AS (SELECT customer, count(*) AS n FROM sales GROUP BY customer) "
                                + "SELECT s.id, t.n FROM sales s JOIN t ON s.customer = t.customer WHERE s.id <= 2 ORDER BY s.id",
                        List.of("1|2", "2|1")),
                Arguments.of("window functions pass through",
                        "SELECT id, row_number() OVER (PARTITION BY customer ORDER BY id) AS rn FROM sales ORDER BY id",
                        List.of("1|1", "2|1", "3|2", "4|1")),
                Arguments.of("integer division stays integral as in Trino",
                        "SELECT 7 / 2, 7.0 / 2",
                        List.of("3|3.5")),
                Arguments.of("string literals that look like functions are left alone",
                        "SELECT 'approx_distinct(x)' AS s",
                        List.of("approx_distinct(x)")),
                Arguments.of("regexp_replace replaces every match with $1 groups",
                        "SELECT regexp_replace('a1b22', '(\\d+)', '<$1>')",
                        List.of("a<1>b<22>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void queriesReturnAthenasRows(String description, String sql, List<String> expected) {
        assertThat(lines(fixtures.run(sql))).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("unnamed expressions are called _col0, _col1 and names are lower-case")
    void unnamedExpressionsGetTrinoNames() {
        QueryResult r = fixtures.run("SELECT Customer, count(*), max(amount) AS Top FROM sales GROUP BY customer");
        assertThat(r.columns()).extracting(ResultColumn::name).containsExactly("customer", "_col1", "top");
    }

    @Test
    @DisplayName("column info carries Athena's type names")
    void columnInfoUsesAthenaTypeNames() {
        QueryResult r = fixtures.run("SELECT id, customer, amount, sold_at, CAST(1 AS integer) AS i, 1.5e0 AS d, "
                + "true AS b, DATE '2024-01-01' AS dt, ARRAY[1, 2] AS arr, CAST(ROW(1, 'x') AS ROW(a integer, b varchar)) AS r "
                + "FROM sales LIMIT 1");
        assertThat(r.columns()).extracting(ResultColumn::type).containsExactly("bigint", "varchar", "decimal",
                "timestamp", "integer", "double", "boolean", "date", "array", "row");
        assertThat(r.columns().get(2)).extracting(ResultColumn::precision, ResultColumn::scale).containsExactly(10, 2);
        assertThat(r.rows().get(0).subList(8, 10)).containsExactly("[1, 2]", "{a=1, b=x}");
    }

    @Test
    @DisplayName("the CSV result renders NULL as nothing and quotes every value")
    void csvOutputLooksLikeAthenas() {
        QueryResult r = fixtures.run("SELECT id, amount FROM sales WHERE id IN (1, 4) ORDER BY id");
        assertThat(r.toCsv()).isEqualTo("\"id\",\"amount\"\n\"1\",\"10.50\"\n\"4\",\n");
    }

    @Test
    @DisplayName("a partition folder that is not registered stays invisible, as in Athena")
    void unregisteredPartitionsAreInvisible() throws Exception {
        Path extra = root.resolve("data/trips/year=2025/month=01");
        java.nio.file.Files.createDirectories(extra);
        java.nio.file.Files.copy(root.resolve("data/trips/year=2024/month=01").toFile().listFiles()[0].toPath(),
                extra.resolve("x.parquet"));
        assertThat(lines(fixtures.run("SELECT count(*) FROM trips WHERE year = '2025'"))).containsExactly("0");
    }
}
