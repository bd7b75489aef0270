package io.labrunner.labs.athenactas;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The lab's raw orders: a year of them, wide rows as an order system exports them, generated from
 * a fixed seed so the checks can recompute every answer.
 */
final class Orders {
    static final List<String> COLUMNS = List.of("order_id", "ordered_at", "customer_id", "product", "category",
            "quantity", "unit_price", "channel", "country", "shipping_address");
    static final int PER_MONTH = 4_000;

    private static final long SEED = 2025_12_31L;
    private static final List<String[]> PRODUCTS = List.of(
            new String[] {"Desk lamp", "home"}, new String[] {"Coffee beans 1kg", "grocery"},
            new String[] {"Wireless mouse", "electronics"}, new String[] {"USB-C cable 2m", "electronics"},
            new String[] {"Water bottle", "sports"}, new String[] {"Yoga mat", "sports"},
            new String[] {"Notebook A5", "office"}, new String[] {"Headphones", "electronics"});
    private static final List<String> CHANNELS = List.of("web", "app", "store");
    private static final List<String> COUNTRIES = List.of("DE", "FR", "IE", "NL", "PL", "ES");
    private static final List<String> STREETS = List.of("Main Street", "Station Road", "Harbour View",
            "Rue de la Paix", "Kastanienallee", "Calle Mayor");

    record Order(long orderId, LocalDateTime orderedAt, int customerId, String product, String category,
                 int quantity, BigDecimal unitPrice, String channel, String country, String address) {
        YearMonth month() {
            return YearMonth.from(orderedAt);
        }

        BigDecimal revenue() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }

        String csv() {
            return orderId + "," + orderedAt.toString().replace('T', ' ') + "," + customerId + "," + product + ","
                    + category + "," + quantity + "," + unitPrice.toPlainString() + "," + channel + "," + country + ","
                    + address;
        }
    }

    private Orders() {
    }

    static List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(YearMonth.of(2025, m));
        }
        return months;
    }

    /** {@link #PER_MONTH} orders for each month of 2025, always the same. */
    static List<Order> generate() {
        Random random = new Random(SEED);
        List<Order> orders = new ArrayList<>();
        long id = 9_000_001;
        for (YearMonth month : months()) {
            for (int i = 0; i < PER_MONTH; i++) {
                String[] product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
                LocalDateTime at = month.atDay(1 + random.nextInt(month.lengthOfMonth()))
                        .atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
                String address = (1 + random.nextInt(200)) + " " + STREETS.get(random.nextInt(STREETS.size()));
                orders.add(new Order(id++, at, 1 + random.nextInt(5_000), product[0], product[1],
                        1 + random.nextInt(4), BigDecimal.valueOf(299 + random.nextInt(9_700), 2),
                        CHANNELS.get(random.nextInt(CHANNELS.size())), COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                        address));
            }
        }
        return orders;
    }

    /** One month as a CSV file with a header row. */
    static String csv(List<Order> orders, YearMonth month) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        orders.stream().filter(o -> o.month().equals(month)).forEach(o -> csv.append(o.csv()).append('\n'));
        return csv.toString();
    }

    static String partitionPath(YearMonth month) {
        return String.format("year=%d/month=%02d/", month.getYear(), month.getMonthValue());
    }
}
