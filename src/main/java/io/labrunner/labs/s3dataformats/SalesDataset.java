package io.labrunner.labs.s3dataformats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the lab's sales. The generator is seeded, so every call returns the same rows: the
 * checks regenerate them to compare with what they read back from S3.
 */
public final class SalesDataset {

    /** How many sales the dataset holds. */
    public static final int SIZE = 10_000;

    private static final long SEED = 20_260_101L;
    private static final Instant FIRST_ORDER = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> PRODUCTS = List.of(
            "Notebook, A5 dotted",
            "Mug \"Morning\" 350ml",
            "Crème brûlée torch",
            "USB-C cable 2m",
            "Desk lamp",
            "Wireless mouse",
            "Water bottle 750ml",
            "Backpack 20L",
            "Coffee beans 1kg",
            "Headphones");
    private static final List<String> TAGS = List.of("gift", "express", "promo", "bulk", "mobile");

    private SalesDataset() {
    }

    /** The {@link #SIZE} sales, always the same ones, ordered by order id. */
    public static List<Sale> generate() {
        Random random = new Random(SEED);
        List<Sale> sales = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            long orderId = 100_001L + i;
            int customerId = 1 + random.nextInt(2_000);
            String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            int quantity = 1 + random.nextInt(5);
            BigDecimal unitPrice = BigDecimal.valueOf(199 + random.nextInt(19_800), 2);
            // About one order every four minutes, so the month of January is covered.
            Instant orderedAt = FIRST_ORDER.plusMillis(i * 250_000L + random.nextInt(250_000));
            String couponCode = random.nextInt(4) == 0 ? "SAVE" + 5 * (1 + random.nextInt(4)) : null;
            List<String> tags = pickTags(random);
            sales.add(new Sale(orderId, customerId, product, quantity, unitPrice, orderedAt, couponCode, tags));
        }
        return sales;
    }

    private static List<String> pickTags(Random random) {
        List<String> tags = new ArrayList<>();
        int count = random.nextInt(4);
        int first = random.nextInt(TAGS.size());
        for (int k = 0; k < count; k++) {
            tags.add(TAGS.get((first + k) % TAGS.size()));
        }
        return tags;
    }
}
