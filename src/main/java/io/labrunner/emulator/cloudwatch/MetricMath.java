package io.labrunner.emulator.cloudwatch;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;

/**
 * The arithmetic subset of CloudWatch metric math for GetMetricData: query ids, numbers, {@code + - * /}, unary
 * minus and parentheses ({@code errors / invocations * 100}). Two series combine at the timestamps both have; a
 * series and a number combine at every point of the series. Functions (SUM, METRICS(), FILL, ...) are not served.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
 */
final class MetricMath {
    /** A time series by period start, or a scalar (no points, {@code scalar} set). */
    record Series(TreeMap<Long, Double> points, Double scalar) {
        static Series of(TreeMap<Long, Double> points) {
            return new Series(points, null);
        }
    }

    private final String text;
    private final Map<String, Series> byId;
    private int at;

    private MetricMath(String text, Map<String, Series> byId) {
        this.text = text;
        this.byId = byId;
    }

    /** The series {@code expression} computes from the queries before it. */
    static Series evaluate(String expression, Map<String, Series> byId) {
        MetricMath math = new MetricMath(expression, byId);
        Series result = math.sum();
        math.skipSpaces();
        if (math.at != expression.length()) {
            throw math.invalid();
        }
        return result.scalar() != null ? Series.of(new TreeMap<>()) : result;
    }

    private Series sum() {
        Series left = product();
        while (true) {
            char op = peek();
            if (op != '+' && op != '-') {
                return left;
            }
            at++;
            left = combine(left, product(), op == '+' ? Double::sum : (a, b) -> a - b);
        }
    }

    private Series product() {
        Series left = unary();
        while (true) {
            char op = peek();
            if (op != '*' && op != '/') {
                return left;
            }
            at++;
            left = combine(left, unary(), op == '*' ? (a, b) -> a * b : (a, b) -> a / b);
        }
    }

    private Series unary() {
        if (peek() == '-') {
            at++;
            return combine(new Series(null, 0.0), unary(), (a, b) -> a - b);
        }
        if (peek() == '(') {
            at++;
            Series inner = sum();
            if (peek() != ')') {
                throw invalid();
            }
            at++;
            return inner;
        }
        int start = at;
        if (Character.isDigit(peek()) || peek() == '.') {
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            return new Series(null, Double.parseDouble(text.substring(start, at)));
        }
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        Series series = byId.get(text.substring(start, at));
        if (series == null) {
            throw invalid();
        }
        return series;
    }

    private static Series combine(Series a, Series b, DoubleBinaryOperator op) {
        if (a.scalar() != null && b.scalar() != null) {
            return new Series(null, op.applyAsDouble(a.scalar(), b.scalar()));
        }
        TreeMap<Long, Double> out = new TreeMap<>();
        if (a.scalar() != null) {
            b.points().forEach((t, v) -> put(out, t, op.applyAsDouble(a.scalar(), v)));
        } else if (b.scalar() != null) {
            a.points().forEach((t, v) -> put(out, t, op.applyAsDouble(v, b.scalar())));
        } else {
            a.points().forEach((t, v) -> {
                Double other = b.points().get(t);
                if (other != null) {
                    put(out, t, op.applyAsDouble(v, other));
                }
            });
        }
        return Series.of(out);
    }

    /** A division by zero gives no value, as in CloudWatch, rather than infinity. */
    private static void put(TreeMap<Long, Double> out, long t, double v) {
        if (Double.isFinite(v)) {
            out.put(t, v);
        }
    }

    private char peek() {
        skipSpaces();
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private RuntimeException invalid() {
        return CloudWatchErrors.validation("Error in expression '" + text + "': this emulator serves ids, numbers,"
                + " + - * / and parentheses only.");
    }
}
