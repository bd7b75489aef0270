package io.labrunner.emulator.sagemaker.xgboost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Numbers read and written as the container's Python does: {@code float("1e-3")}, {@code int(" 5")},
 * and {@code repr(0.1)}. The container's messages and Batch Transform output carry Python's spelling,
 * which differs from Java's ({@code 1e-05} against {@code 1.0E-5}).
 */
final class PythonNumbers {
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?|\\d(?:_?\\d)*\\.)");
    private static final Pattern INT = Pattern.compile("[+-]?\\d(?:_?\\d)*");

    private PythonNumbers() {
    }

    /** Python's {@code float(text)}; empty when Python would raise ValueError. */
    static java.util.OptionalDouble parseFloat(String text) {
        String s = text.strip();
        String word = s.toLowerCase(java.util.Locale.ROOT).replaceFirst("^[+-]", "");
        boolean negative = s.startsWith("-");
        if (word.equals("inf") || word.equals("infinity")) {
            return java.util.OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (word.equals("nan")) {
            return java.util.OptionalDouble.of(Double.NaN);
        }
        if (!FLOAT.matcher(s).matches()) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(Double.parseDouble(s.replace("_", "")));
    }

    /** Python's {@code int(text)} within a long; empty when Python would raise ValueError (or it overflows). */
    static java.util.OptionalLong parseInt(String text) {
        String s = text.strip();
        if (!INT.matcher(s).matches()) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(s.replace("_", "")));
        } catch (NumberFormatException tooLong) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Python's {@code repr(value)}: the shortest digits that read back to the same double. */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(value);
        int exponent = shortest.precision() - shortest.scale() - 1;
        String digits = shortest.unscaledValue().abs().toString();
        String sign = value < 0 ? "-" : "";
        // float_repr_style 'r': positional for 1e-4 <= |x| < 1e16, else scientific with two-digit exponent
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
