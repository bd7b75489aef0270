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
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean numeric = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!numeric) {
                return word(text.substring(start, end));
            }
        }
        return Float.parseFloat(text.substring(start, end));
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
