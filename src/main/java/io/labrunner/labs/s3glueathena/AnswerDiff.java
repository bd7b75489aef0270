package io.labrunner.labs.s3glueathena;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an answer differs from the expected one, in words a learner can act on: which rows are
 * missing or extra, which column is wrong in which rows, and — when the wrong numbers equal
 * those of a known mistake — which mistake. Rows are matched on their first {@code keyColumns}
 * cells; numbers compare to the cent.
 *
 * @param header     the answer's column names
 * @param keyColumns how many leading columns identify a row (year and month: 2)
 */
public record AnswerDiff(List<String> header, int keyColumns) {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** A known mistake: the rows it produces, and the question that points the learner at it. */
    public record Mistake(List<List<String>> rows, String nudge) {
    }

    /** What differs: a nudge (first tier) and the particulars (second tier); empty when equal. */
    public record Difference(String nudge, String particulars) {
    }

    public Optional<Difference> compare(List<List<String>> actual, List<List<String>> expected, List<Mistake> mistakes) {
        Map<String, List<String>> actualByKey = byKey(actual);
        Map<String, List<String>> expectedByKey = byKey(expected);
        List<String> missing = expectedByKey.keySet().stream().filter(k -> !actualByKey.containsKey(k)).toList();
        List<String> extra = actualByKey.keySet().stream().filter(k -> !expectedByKey.containsKey(k)).toList();
        String keyName = String.join("/", header.subList(0, keyColumns));
        if (!missing.isEmpty()) {
            return Optional.of(new Difference(
                    "Your answer has no row for " + keyName + " " + String.join(", ", missing) + ": something kept those"
                            + " rows out (a WHERE filter, a join, or a table that lacks those partitions).",
                    "Expected one row per " + keyName + ": " + String.join(", ", expectedByKey.keySet()) + "; yours has "
                            + String.join(", ", actualByKey.keySet()) + "."));
        }
        if (!extra.isEmpty()) {
            return Optional.of(new Difference(
                    "Your answer has rows for " + keyName + " " + String.join(", ", extra) + " that the data does not"
                            + " have as groups: group by " + String.join(", ", header.subList(0, keyColumns)) + " only.",
                    "Expected exactly these groups: " + String.join(", ", expectedByKey.keySet()) + "."));
        }
        for (int column = keyColumns; column < header.size(); column++) {
            List<String> wrong = wrongKeys(actualByKey, expectedByKey, column);
            if (wrong.isEmpty()) {
                continue;
            }
            String name = header.get(column);
            String example = wrong.get(0);
            String particulars = name + " differs in " + wrong.size() + " of " + expectedByKey.size() + " rows, e.g. "
                    + keyName + " " + example + ": yours " + cell(actualByKey.get(example), column) + ", expected "
                    + cell(expectedByKey.get(example), column) + ".";
            for (Mistake mistake : mistakes) {
                Map<String, List<String>> mistaken = byKey(mistake.rows());
                if (wrongKeys(actualByKey, mistaken, column).isEmpty()) {
                    return Optional.of(new Difference(mistake.nudge(), particulars));
                }
            }
            return Optional.of(new Difference("The groups are right but " + name + " is not, in " + wrong.size()
                    + " of " + expectedByKey.size() + " rows: look at how the query computes " + name + ".", particulars));
        }
        if (!new ArrayList<>(actualByKey.keySet()).equals(new ArrayList<>(expectedByKey.keySet()))) {
            return Optional.of(new Difference("Every row is right, but not in order: sort by "
                    + String.join(", ", header.subList(0, keyColumns)) + ".",
                    "Expected the order " + String.join(", ", expectedByKey.keySet()) + "."));
        }
        return Optional.empty();
    }

    private Map<String, List<String>> byKey(List<List<String>> rows) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> row : rows) {
            byKey.putIfAbsent(String.join("-", row.subList(0, Math.min(keyColumns, row.size()))), row);
        }
        return byKey;
    }

    private static List<String> wrongKeys(Map<String, List<String>> actual, Map<String, List<String>> expected, int column) {
        return expected.keySet().stream()
                .filter(key -> actual.containsKey(key) && !same(cell(actual.get(key), column), cell(expected.get(key), column)))
                .toList();
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : null;
    }

    /** Text exactly; numbers to the cent, since money may come back as a double. */
    static boolean same(String a, String e) {
        if (a == null || e == null) {
            return a == e;
        }
        if (a.equals(e)) {
            return true;
        }
        try {
            return new BigDecimal(a).subtract(new BigDecimal(e)).abs().compareTo(CENT) < 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
