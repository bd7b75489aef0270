package io.labrunner.labs.s3glueathena;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The lab's raw data, generated from a fixed seed so that every call returns the same rows: the
 * checks regenerate them to compute the answers Athena must give.
 *
 * <p>Two datasets, as two systems would deliver them: the shop's sales as CSV and the payment
 * provider's refunds as JSON Lines, each in one folder per month.
 */
public final class RawSales {
    /** The months the data covers; one {@code year=/month=} folder each. */
    public static final List<YearMonth> MONTHS = List.of(YearMonth.of(2025, 1), YearMonth.of(2025, 2),
            YearMonth.of(2025, 3), YearMonth.of(2025, 4), YearMonth.of(2025, 5), YearMonth.of(2025, 6));
    public static final List<String> SALE_COLUMNS = List.of("order_id", "order_date", "product", "category",
            "quantity", "unit_price");
    public static final List<String> REFUND_COLUMNS = List.of("order_id", "refund_date", "reason", "amount");

    private static final long SEED = 2025_06_30L;
    private static final List<String[]> PRODUCTS = List.of(
            new String[] {"Desk lamp", "home"}, new String[] {"Coffee beans 1kg", "grocery"},
            new String[] {"Wireless mouse", "electronics"}, new String[] {"USB-C cable 2m", "electronics"},
            new String[] {"Water bottle", "sports"}, new String[] {"Yoga mat", "sports"},
            new String[] {"Notebook A5", "office"}, new String[] {"Headphones", "electronics"});
    private static final List<String> REASONS = List.of("damaged", "late", "not as described", "changed mind");

    /** One line of the shop's sales export. */
    public record Sale(long orderId, LocalDate orderDate, String product, String category, int quantity,
                       BigDecimal unitPrice) {
        public YearMonth month() {
            return YearMonth.from(orderDate);
        }

        public BigDecimal revenue() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** One refund from the payment provider, filed in the month it was paid out. */
    public record Refund(long orderId, LocalDate refundDate, String reason, BigDecimal amount) {
        public YearMonth month() {
            return YearMonth.from(refundDate);
        }
    }

    /** Sales and refunds, always the same. */
    public record Data(List<Sale> sales, List<Refund> refunds) {
    }

    private RawSales() {
    }

    /** The sales and refunds of {@link #MONTHS}, with 500 to 700 sales a month. */
    public static Data generate() {
        Random random = new Random(SEED);
        List<Sale> sales = new ArrayList<>();
        List<Refund> refunds = new ArrayList<>();
        long orderId = 500_001;
        for (YearMonth month : MONTHS) {
            int count = 500 + random.nextInt(201);
            for (int i = 0; i < count; i++) {
                String[] product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
                LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                Sale sale = new Sale(orderId++, day, product[0], product[1], 1 + random.nextInt(4),
                        BigDecimal.valueOf(299 + random.nextInt(9_700), 2));
                sales.add(sale);
                if (random.nextInt(10) == 0) {
                    LocalDate paid = day.plusDays(3 + random.nextInt(20));
                    if (!YearMonth.from(paid).isAfter(MONTHS.get(MONTHS.size() - 1))) {
                        refunds.add(new Refund(sale.orderId(), paid, REASONS.get(random.nextInt(REASONS.size())),
                                sale.revenue()));
                    }
                }
            }
        }
        return new Data(sales, refunds);
    }

    /** The month's sales as CSV with a header row, as the shop exports them. */
    public static String salesCsv(List<Sale> sales, YearMonth month) {
        StringBuilder csv = new StringBuilder(String.join(",", SALE_COLUMNS)).append('\n');
        for (Sale s : sales) {
            if (s.month().equals(month)) {
                csv.append(s.orderId()).append(',').append(s.orderDate()).append(',').append(s.product()).append(',')
                        .append(s.category()).append(',').append(s.quantity()).append(',')
                        .append(s.unitPrice().toPlainString()).append('\n');
            }
        }
        return csv.toString();
    }

    /** The month's refunds as JSON Lines, one object per line. */
    public static String refundsJson(List<Refund> refunds, YearMonth month) {
        StringBuilder json = new StringBuilder();
        for (Refund r : refunds) {
            if (r.month().equals(month)) {
                json.append("{\"order_id\":").append(r.orderId()).append(",\"refund_date\":\"").append(r.refundDate())
                        .append("\",\"reason\":\"").append(r.reason()).append("\",\"amount\":")
                        .append(r.amount().toPlainString()).append("}\n");
            }
        }
        return json.toString();
    }

    /** The folder of one month under a dataset's prefix: {@code year=2025/month=01/}. */
    public static String partitionPath(YearMonth month) {
        return String.format("year=%d/month=%02d/", month.getYear(), month.getMonthValue());
    }
}
