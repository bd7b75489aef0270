package io.labrunner.labs.s3dataformats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of the lab's dataset: a sale in an online shop. Its fields cover the types that
 * formats treat differently: whole numbers, an exact decimal, a UTC timestamp, a column that is
 * sometimes null, and a list.
 *
 * @param orderId    unique, increasing
 * @param customerId who bought
 * @param product    product name; some names hold commas, quotes or accents
 * @param quantity   items bought
 * @param unitPrice  price of one item, always two decimals (money is never a double)
 * @param orderedAt  when the order was placed, in UTC, to the millisecond
 * @param couponCode the coupon used, or {@code null} for most orders
 * @param tags       zero to three labels, never {@code null}
 */
public record Sale(
        long orderId,
        int customerId,
        String product,
        int quantity,
        BigDecimal unitPrice,
        Instant orderedAt,
        String couponCode,
        List<String> tags) {

    /** Column names, in order, as every format spells them. */
    public static final List<String> COLUMNS = List.of(
            "order_id", "customer_id", "product", "quantity",
            "unit_price", "ordered_at", "coupon_code", "tags");

    public Sale {
        tags = List.copyOf(tags);
    }
}
