package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrinoRewriterTest {

    private static String rewrite(String sql) {
        return TrinoRewriter.rewrite(sql).sql();
    }

    @Test
    void mysqlFormatSpecifiersBecomeStrftimeOnes() {
        assertThat(TrinoRewriter.mysqlToStrftime("%Y-%m-%d %H:%i:%s %T %W %M %e")).isEqualTo("%Y-%m-%d %H:%M:%S %H:%M:%S %A %B %-d");
    }

    @Test
    void functionsThatDifferAreRenamedOrReshaped() {
        assertThat(rewrite("SELECT approx_distinct(a) AS n FROM t")).isEqualTo("SELECT approx_count_distinct(a) AS n FROM t");
        assertThat(rewrite("SELECT x FROM t WHERE regexp_like(s, 'a+')")).isEqualTo("SELECT x FROM t WHERE regexp_matches(s, 'a+')");
        assertThat(rewrite("SELECT date_add('month', 2, d) AS d2 FROM t")).isEqualTo("SELECT trino_same_type(d, d + INTERVAL (2) MONTH) AS d2 FROM t");
        assertThat(rewrite("SELECT element_at(arr, -1) AS e FROM t")).isEqualTo("SELECT ((arr)[-1]) AS e FROM t");
    }

    @Test
    void nestedCallsAreRewrittenInsideArguments() {
        assertThat(rewrite("SELECT date_format(date_parse(s, '%d/%m'), '%i') AS m"))
                .isEqualTo("SELECT strftime(strptime(s, '%d/%m'), '%M') AS m");
    }

    @Test
    void literalsQuotedIdentifiersAndQualifiedNamesAreUntouched() {
        String sql = "SELECT \"arbitrary\", t.cardinality, 'arbitrary(x)' AS s FROM t";
        assertThat(rewrite(sql)).isEqualTo(sql);
    }

    @Test
    void unnamedSelectItemsAreNamedByPosition() {
        assertThat(rewrite("SELECT a, count(*), b c, t.d, x + 1 FROM t"))
                .isEqualTo("SELECT a, count(*) AS \"_col1\", b c, t.d, x + 1 AS \"_col4\" FROM t");
    }

    @Test
    void errorOffsetsMapBackToTheOriginalText() {
        TrinoRewriter.Result r = TrinoRewriter.rewrite("SELECT approx_distinct(a), zz FROM t");
        int zzInOutput = r.sql().indexOf("zz");
        assertThat(r.originalOffset(zzInOutput)).isEqualTo("SELECT approx_distinct(a), zz FROM t".indexOf("zz"));
    }
}
