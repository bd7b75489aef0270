package io.labrunner.labs.s3dataformats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares sales read back from a file with the generated ones: the row count, then every
 * 997th sale (and the last), field by field. Rows are matched by order id, so a tool that
 * writes rows in another order still passes.
 */
final class SalesComparison {

    /** A prime step, so the sample does not line up with any pattern in the data. */
    static final int SAMPLE_STEP = 997;

    private SalesComparison() {
    }

    /** What differs, or empty when the sampled rows are all equal. */
    static Optional<String> firstDifference(List<Sale> expected, List<Sale> actual) {
        if (actual.size() != expected.size()) {
            return Optional.of("has " + actual.size() + " rows, expected " + expected.size());
        }
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Sale> byOrderId = new HashMap<>();
        actual.forEach(sale -> byOrderId.put(sale.orderId(), sale));
        for (int i = 0; i < expected.size(); i += SAMPLE_STEP) {
            Optional<String> difference = compare(expected.get(i), byOrderId.get(expected.get(i).orderId()));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return compare(expected.get(expected.size() - 1), byOrderId.get(expected.get(expected.size() - 1).orderId()));
    }

    /** How many rows {@link #firstDifference} compares field by field. */
    static int sampleSize(int rows) {
        return (rows + SAMPLE_STEP - 1) / SAMPLE_STEP + 1;
    }

    // Sale is a record: equals compares every field. Prices are read back with scale 2, so
    // BigDecimal.equals (which also compares scale) is fair; Instant and List compare by value.
    private static Optional<String> compare(Sale expected, Sale actual) {
        if (actual == null) {
            return Optional.of("order " + expected.orderId() + " is missing");
        }
        if (!expected.equals(actual)) {
            return Optional.of("order " + expected.orderId() + " differs:\n  expected " + expected + "\n  found    " + actual);
        }
        return Optional.empty();
    }
}
