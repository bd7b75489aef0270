package io.labrunner.labs.s3dataformats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Says how the sales read back from a learner's file differ from the expected ones, field by
 * field, and what a difference usually means (a price stored as a double, a timestamp shifted by
 * a time zone, a null written as an empty string): the first tier of a failed check's hints.
 */
final class SaleDiagnosis {
    private SaleDiagnosis() {
    }

    /** The nudge for a read-back that differs: wrong row count, or the sampled fields that differ. */
    static String nudge(String file, List<Sale> expected, List<Sale> actual) {
        if (actual.size() < expected.size()) {
            return String.format("%s holds %,d rows of the %,d sales: was it cut short (a sample, head) or did the"
                    + " conversion stop early?", file, actual.size(), expected.size());
        }
        if (actual.size() > expected.size()) {
            return String.format("%s holds %,d rows, %,d more than there are sales: is a header read as a row, or"
                    + " were rows written twice?", file, actual.size(), actual.size() - expected.size());
        }
        Map<Long, Sale> byOrderId = new LinkedHashMap<>();
        actual.forEach(sale -> byOrderId.put(sale.orderId(), sale));
        Map<String, String> differing = new LinkedHashMap<>();
        int missing = 0;
        for (int i = 0; i < expected.size(); i += SalesComparison.SAMPLE_STEP) {
            Sale want = expected.get(i);
            Sale got = byOrderId.get(want.orderId());
            if (got == null) {
                missing++;
                continue;
            }
            fieldDifferences(want, got).forEach(differing::putIfAbsent);
        }
        if (missing > 0 && differing.isEmpty()) {
            return file + " has the right number of rows, but sampled order ids are missing: is order_id written"
                    + " as a number, unchanged?";
        }
        if (differing.isEmpty()) {
            return file + " differs from the expected sales in a row the sample reached last.";
        }
        List<String> parts = new ArrayList<>();
        differing.forEach((field, why) -> parts.add(field + " (" + why + ")"));
        return "In " + file + " these fields differ from the sales: " + String.join("; ", parts) + ".";
    }

    /** Field name to what its difference suggests, for one sale. */
    static Map<String, String> fieldDifferences(Sale want, Sale got) {
        Map<String, String> differences = new LinkedHashMap<>();
        if (want.customerId() != got.customerId()) {
            differences.put("customer_id", "expected " + want.customerId() + ", found " + got.customerId());
        }
        if (!Objects.equals(want.product(), got.product())) {
            differences.put("product", "expected \"" + want.product() + "\", found \"" + got.product()
                    + "\": quoting or the file's encoding (UTF-8)?");
        }
        if (want.quantity() != got.quantity()) {
            differences.put("quantity", "expected " + want.quantity() + ", found " + got.quantity());
        }
        if (!Objects.equals(want.unitPrice(), got.unitPrice())) {
            boolean close = got.unitPrice() != null
                    && want.unitPrice().subtract(got.unitPrice()).abs().doubleValue() < 0.01;
            differences.put("unit_price", "expected " + want.unitPrice() + ", found " + got.unitPrice()
                    + (close ? ": money stored as a floating-point number, not a decimal with two places" : ""));
        }
        if (!Objects.equals(want.orderedAt(), got.orderedAt())) {
            String shift = "";
            if (got.orderedAt() != null) {
                Duration by = Duration.between(want.orderedAt(), got.orderedAt());
                if (!by.isZero() && by.toMillis() % 3_600_000 == 0) {
                    shift = ": shifted by " + by.toHours() + " h, a time zone applied; write UTC";
                } else if (Math.abs(by.toMillis()) < 1000) {
                    shift = ": the milliseconds are lost";
                }
            }
            differences.put("ordered_at", "expected " + want.orderedAt() + ", found " + got.orderedAt() + shift);
        }
        if (!Objects.equals(want.couponCode(), got.couponCode())) {
            differences.put("coupon_code", "expected " + quoted(want.couponCode()) + ", found " + quoted(got.couponCode())
                    + (want.couponCode() == null ? ": no coupon is a null, not a text" : ""));
        }
        if (!Objects.equals(want.tags(), got.tags())) {
            differences.put("tags", "expected " + want.tags() + ", found " + got.tags()
                    + (want.tags().isEmpty() ? ": no tags is an empty list" : ": a list of texts, split on '|'"));
        }
        return differences;
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
