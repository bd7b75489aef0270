package io.labrunner.labs.s3dataformats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sales as JSON Lines: one JSON object per line, UTF-8. Every line repeats the field names, a
 * null is a real {@code null}, and the tags are a real JSON array. JSON has no timestamp type,
 * so timestamps are ISO-8601 strings; prices are written as exact decimal numbers.
 */
public final class JsonLinesFormat {

    // Reads 12.30 as the decimal 12.30, not as the double 12.3.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonLinesFormat() {
    }

    public static byte[] write(List<Sale> sales) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Sale sale : sales) {
            ObjectNode line = JSON.createObjectNode();
            line.put("order_id", sale.orderId());
            line.put("customer_id", sale.customerId());
            line.put("product", sale.product());
            line.put("quantity", sale.quantity());
            line.put("unit_price", sale.unitPrice());
            line.put("ordered_at", sale.orderedAt().toString());
            line.put("coupon_code", sale.couponCode());
            ArrayNode tags = line.putArray("tags");
            sale.tags().forEach(tags::add);
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static List<Sale> read(byte[] jsonLines) throws IOException {
        List<Sale> sales = new ArrayList<>();
        String text = new String(jsonLines, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode sale = JSON.readTree(line);
            JsonNode coupon = sale.get("coupon_code");
            List<String> tags = new ArrayList<>();
            sale.get("tags").forEach(tag -> tags.add(tag.asText()));
            sales.add(new Sale(
                    sale.get("order_id").asLong(),
                    sale.get("customer_id").asInt(),
                    sale.get("product").asText(),
                    sale.get("quantity").asInt(),
                    // asText also covers a price a tool wrote as a string ("12.30").
                    new BigDecimal(sale.get("unit_price").asText()).setScale(2),
                    Timestamps.parse(sale.get("ordered_at").asText()),
                    coupon == null || coupon.isNull() ? null : coupon.asText(),
                    tags));
        }
        return sales;
    }
}
