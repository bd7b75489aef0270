package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesComparisonTest {

    private final List<Sale> expected = SalesDataset.generate();

    @Test
    void theSameSalesHaveNoDifference() {
        assertThat(SalesComparison.firstDifference(expected, SalesDataset.generate())).isEmpty();
    }

    @Test
    void salesInAnotherOrderStillMatch() {
        List<Sale> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);
        assertThat(SalesComparison.firstDifference(expected, shuffled)).isEmpty();
    }

    @Test
    void aMissingRowIsReportedAsARowCount() {
        List<Sale> fewer = new ArrayList<>(expected.subList(1, expected.size()));
        assertThat(SalesComparison.firstDifference(expected, fewer)).hasValueSatisfying(
                difference -> assertThat(difference).contains("has " + (expected.size() - 1) + " rows"));
    }

    @Test
    void aPriceOffByOneCentInASampledRowIsFound() {
        List<Sale> changed = new ArrayList<>(expected);
        Sale sale = changed.get(SalesComparison.SAMPLE_STEP);
        changed.set(SalesComparison.SAMPLE_STEP, new Sale(sale.orderId(), sale.customerId(), sale.product(),
                sale.quantity(), sale.unitPrice().add(new BigDecimal("0.01")), sale.orderedAt(),
                sale.couponCode(), sale.tags()));
        assertThat(SalesComparison.firstDifference(expected, changed))
                .hasValueSatisfying(difference -> assertThat(difference).contains("order " + sale.orderId()));
    }

    @Test
    void anEmptyStringIsNotANullCoupon() {
        List<Sale> changed = new ArrayList<>(expected);
        int last = changed.size() - 1;
        Sale sale = changed.get(last);
        String otherCoupon = sale.couponCode() == null ? "" : null;
        changed.set(last, new Sale(sale.orderId(), sale.customerId(), sale.product(), sale.quantity(),
                sale.unitPrice(), sale.orderedAt(), otherCoupon, sale.tags()));
        assertThat(SalesComparison.firstDifference(expected, changed)).isPresent();
    }
}
