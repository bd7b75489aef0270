package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of an event pattern's value list, tested against one leaf value of an event (a string, number,
 * boolean or null; arrays in events are looked into, so their elements are leaves). Semantics as AWS documents
 * them in "Content filtering in Amazon EventBridge event patterns" and as its open-source matcher, Event Ruler
 * (aws/event-ruler), implements them: string operators never match numbers, null or booleans.
 */
sealed interface ValueMatcher {

    boolean matches(JsonNode leaf);

    /** A literal: strings by their text (IP addresses by address), numbers by value, true/false/null as such. */
    record Exact(JsonNode value) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            if (value.isTextual()) {
                if (!leaf.isTextual()) {
                    return false;
                }
                if (value.textValue().equals(leaf.textValue())) {
                    return true;
                }
                // A literal IP address matches the same address written another way, as Event Ruler compiles it.
                return IpAddresses.looksLikeIp(value.textValue())
                        && IpAddresses.sameAddress(value.textValue(), leaf.textValue());
            }
            if (value.isNumber()) {
                return leaf.isNumber() && value.decimalValue().compareTo(leaf.decimalValue()) == 0;
            }
            return value.getNodeType() == leaf.getNodeType() && value.equals(leaf);
        }
    }

    /** {@code {"prefix": "p"}} and {@code {"prefix": {"equals-ignore-case": "p"}}}. */
    record Prefix(String prefix, boolean ignoreCase) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            return leaf.isTextual() && leaf.textValue().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
        }
    }

    /** {@code {"suffix": "s"}} and {@code {"suffix": {"equals-ignore-case": "s"}}}. */
    record Suffix(String suffix, boolean ignoreCase) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            if (!leaf.isTextual()) {
                return false;
            }
            String text = leaf.textValue();
            return text.length() >= suffix.length()
                    && text.regionMatches(ignoreCase, text.length() - suffix.length(), suffix, 0, suffix.length());
        }
    }

    /** {@code {"equals-ignore-case": "v"}}. */
    record EqualsIgnoreCase(String value) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            return leaf.isTextual() && leaf.textValue().equalsIgnoreCase(value);
        }
    }

    /** {@code {"wildcard": "a*b"}}: {@code *} is any run of characters, {@code \*} and {@code \\} literals. */
    record Wildcard(String pattern, Pattern regex) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            return leaf.isTextual() && regex.matcher(leaf.textValue()).matches();
        }
    }

    /** {@code {"numeric": [">", 0, "<=", 5]}}: a range over JSON numbers (bounds null when open-ended). */
    record NumericRange(BigDecimal low, boolean lowInclusive, BigDecimal high, boolean highInclusive)
            implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            if (!leaf.isNumber()) {
                return false;
            }
            BigDecimal value = leaf.decimalValue();
            if (low != null) {
                int c = value.compareTo(low);
                if (c < 0 || (c == 0 && !lowInclusive)) {
                    return false;
                }
            }
            if (high != null) {
                int c = value.compareTo(high);
                return c < 0 || (c == 0 && highInclusive);
            }
            return true;
        }
    }

    /** {@code {"cidr": "10.0.0.0/24"}}: string IP addresses (v4 or v6) inside the block. */
    record Cidr(String block, byte[] low, byte[] high) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            return leaf.isTextual() && IpAddresses.within(leaf.textValue(), low, high);
        }
    }

    /**
     * {@code {"anything-but": ...}}: a present value that is none of the strings or numbers listed; null, booleans
     * and values of the other type are "anything but" too.
     */
    record AnythingBut(Set<String> strings, Set<BigDecimal> numbers) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            if (leaf.isTextual()) {
                return !strings.contains(leaf.textValue());
            }
            if (leaf.isNumber()) {
                BigDecimal value = leaf.decimalValue();
                return numbers.stream().noneMatch(n -> n.compareTo(value) == 0);
            }
            return true;
        }
    }

    /**
     * {@code {"anything-but": {"prefix" | "suffix" | "equals-ignore-case" | "wildcard": v or [v...]}}}: any present
     * value that is not a string the inner operator matches.
     */
    record AnythingButMatching(String operator, java.util.List<ValueMatcher> excluded) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            return excluded.stream().noneMatch(m -> m.matches(leaf));
        }
    }

    /** {@code {"exists": true|false}}: decided by the field's presence, not by a value. */
    record Exists(boolean present) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode leaf) {
            return present;
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
