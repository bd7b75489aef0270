package io.labrunner.labs.s3dataformats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SalesDatasetTest {

    private final List<Sale> sales = SalesDataset.generate();

    @Test
    void generatesTheSameSalesEveryTime() {
        assertThat(SalesDataset.generate()).isEqualTo(sales);
    }

    @Test
    void holdsAtLeastTenThousandSalesWithUniqueIncreasingOrderIds() {
        assertThat(sales).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(sales).extracting(Sale::orderId).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void couponCodeIsNullInSomeSalesAndSetInOthers() {
        long nulls = sales.stream().map(Sale::couponCode).filter(Objects::isNull).count();
        assertThat(nulls).isBetween(1L, sales.size() - 1L);
        assertThat(sales).extracting(Sale::couponCode).filteredOn(Objects::nonNull).allMatch(code -> !code.isEmpty());
    }

    @Test
    void tagListsAreSometimesEmptyAndSometimesHoldSeveralTags() {
        assertThat(sales).anyMatch(sale -> sale.tags().isEmpty());
        assertThat(sales).anyMatch(sale -> sale.tags().size() >= 2);
    }

    @Test
    void pricesAreExactDecimalsWithTwoPlaces() {
        assertThat(sales).allMatch(sale -> sale.unitPrice().scale() == 2 && sale.unitPrice().signum() > 0);
    }

    @Test
    void timestampsAreUtcInstantsInJanuary2026WithMilliseconds() {
        assertThat(sales).extracting(Sale::orderedAt)
                .allMatch(at -> !at.isBefore(Instant.parse("2026-01-01T00:00:00Z"))
                        && at.isBefore(Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(sales).anyMatch(sale -> sale.orderedAt().getNano() != 0);
    }

    @Test
    void someProductNamesHoldCommasQuotesAndAccents() {
        assertThat(sales).anyMatch(sale -> sale.product().contains(","));
        assertThat(sales).anyMatch(sale -> sale.product().contains("\""));
        assertThat(sales).anyMatch(sale -> sale.product().contains("é"));
    }
}
