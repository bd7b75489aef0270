package io.labrunner.labs.s3glueathena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A wrong answer is described by how it differs, and a known mistake by name. */
class AnswerDiffTest {
    private static final AnswerDiff REVENUE = new AnswerDiff(List.of("year", "month", "orders", "revenue"), 2);
    private static final List<List<String>> EXPECTED = List.of(
            List.of("2025", "01", "622", "76272.94"),
            List.of("2025", "02", "500", "66439.56"),
            List.of("2025", "03", "645", "79981.72"));
    private static final AnswerDiff.Mistake NET = new AnswerDiff.Mistake(List.of(
            List.of("2025", "01", "622", "70000.00"),
            List.of("2025", "02", "500", "60000.00"),
            List.of("2025", "03", "645", "75000.00")), "refunds subtracted");

    @Test
    void theSameAnswerWithDoubleNoiseIsNoDifference() {
        List<List<String>> noisy = List.of(
                List.of("2025", "01", "622", "76272.94000001"),
                List.of("2025", "02", "500", "66439.56"),
                List.of("2025", "03", "645", "79981.72"));

        assertThat(REVENUE.compare(noisy, EXPECTED, List.of(NET))).isEmpty();
    }

    @Test
    void aMissingMonthIsNamed() {
        var difference = REVENUE.compare(List.of(EXPECTED.get(0), EXPECTED.get(2)), EXPECTED, List.of(NET)).orElseThrow();

        assertThat(difference.nudge()).contains("no row for year/month 2025-02").contains("WHERE");
    }

    @Test
    void numbersThatMatchAKnownMistakeGetItsNudgeAndTheParticulars() {
        var difference = REVENUE.compare(NET.rows(), EXPECTED, List.of(NET)).orElseThrow();

        assertThat(difference.nudge()).isEqualTo("refunds subtracted");
        assertThat(difference.particulars())
                .isEqualTo("revenue differs in 3 of 3 rows, e.g. year/month 2025-01: yours 70000.00, expected 76272.94.");
    }

    @Test
    void anUnknownWrongColumnIsNamedWithoutGuessing() {
        List<List<String>> wrong = List.of(EXPECTED.get(0), List.of("2025", "02", "499", "66439.56"), EXPECTED.get(2));

        var difference = REVENUE.compare(wrong, EXPECTED, List.of(NET)).orElseThrow();

        assertThat(difference.nudge()).contains("orders is not, in 1 of 3 rows");
        assertThat(difference.particulars()).contains("2025-02: yours 499, expected 500");
    }

    @Test
    void rightRowsInTheWrongOrderAskForASort() {
        List<List<String>> reversed = List.of(EXPECTED.get(2), EXPECTED.get(1), EXPECTED.get(0));

        assertThat(REVENUE.compare(reversed, EXPECTED, List.of()).orElseThrow().nudge())
                .startsWith("Every row is right, but not in order: sort by year, month");
    }
}
