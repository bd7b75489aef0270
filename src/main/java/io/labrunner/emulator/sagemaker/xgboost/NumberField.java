package io.labrunner.emulator.sagemaker.xgboost;

/** One numeric field of a data file, read as XGBoost's text parsers read it. */
final class NumberField {

    private NumberField() {
    }

    /** The field's value; NaN when empty (a missing value). @throws NumberFormatException when not a number */
    static float parse(String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return Float.NaN;
        }
        float quick = plainDecimal(text, start, end);
        if (!Float.isNaN(quick)) {
            return quick;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean numeric = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!numeric) {
                return word(text.substring(start, end));
            }
        }
        return Float.parseFloat(text.substring(start, end));
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * A plain decimal like {@code -12.375} without allocating: up to 15 significant digits and 22 decimals make
     * {@code digits / 10^decimals} a correctly rounded double (one exact operand, one rounding), and rounding
     * that double to float is correct unless it sits exactly between two floats. NaN means "not that simple".
     */
    private static float plainDecimal(String text, int start, int end) {
        int i = start;
        boolean negative = false;
        char first = text.charAt(i);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long digits = 0;
        int significant = 0;
        int decimals = -1;
        boolean any = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits != 0 || c != '0') {
                    significant++;
                }
                digits = digits * 10 + (c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Float.NaN;
            }
        }
        if (!any || significant > 15 || decimals > 22) {
            return Float.NaN;
        }
        double value = decimals > 0 ? digits / POWERS_OF_TEN[decimals] : digits;
        if ((Double.doubleToRawLongBits(value) & 0x1FFFFFFFL) == 0x10000000L) {
            return Float.NaN; // a float halfway point: let the exact parser decide
        }
        return (float) (negative ? -value : value);
    }

    private static float word(String field) {
        String word = field.toLowerCase(java.util.Locale.ROOT);
        boolean negative = word.startsWith("-");
        String bare = word.replaceFirst("^[+-]", "");
        if (bare.equals("nan")) {
            return Float.NaN;
        }
        if (bare.equals("inf") || bare.equals("infinity")) {
            return negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        throw new NumberFormatException(field);
    }

    /** The first 50 characters of a line, as the container quotes lines in its messages. */
    static String snippet(String line) {
        return line.length() <= 50 ? line : line.substring(0, 50);
    }
}
