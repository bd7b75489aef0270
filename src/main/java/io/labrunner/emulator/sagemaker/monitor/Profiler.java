package io.labrunner.emulator.sagemaker.monitor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the view {@code data} (see {@link AnalysisTable}) with DuckDB: counts, type inference,
 * numeric summaries and categorical counts per feature.
 *
 * <p>Type inference follows Deequ's DataType analyzer, which the analyzer is built on: a feature whose present
 * values are all whole numbers is Integral, all numbers Fractional, anything else String; no present value
 * is Unknown. The standard deviation is the population one, as Deequ's StandardDeviation computes it.
 */
final class Profiler {
    /** Up to this many categories are counted for a String feature; the rest make no difference to a lab. */
    private static final int MAX_CATEGORIES = 10_000;
    private static final int BUCKETS = 10;

    private Profiler() {
    }

    static DatasetProfile profile(Connection duck, List<String> names) throws SQLException {
        long items;
        List<long[]> counts = new ArrayList<>();
        try (Statement st = duck.createStatement()) {
            StringBuilder sql = new StringBuilder("SELECT count(*)");
            for (int i = 0; i < names.size(); i++) {
                String c = col(i);
                sql.append(", count(").append(c).append(")")
                        .append(", count(*) FILTER (WHERE regexp_full_match(").append(c).append(", '[+-]?[0-9]+'))")
                        .append(", count(TRY_CAST(").append(c).append(" AS DOUBLE))");
            }
            try (ResultSet rs = st.executeQuery(sql.append(" FROM data").toString())) {
                rs.next();
                items = rs.getLong(1);
                for (int i = 0; i < names.size(); i++) {
                    counts.add(new long[] {rs.getLong(2 + 3 * i), rs.getLong(3 + 3 * i), rs.getLong(4 + 3 * i)});
                }
            }
        }
        List<FeatureProfile> features = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long present = counts.get(i)[0];
            long integral = counts.get(i)[1];
            long numeric = counts.get(i)[2];
            String type = present == 0 ? FeatureProfile.UNKNOWN
                    : integral == present ? FeatureProfile.INTEGRAL
                    : numeric == present ? FeatureProfile.FRACTIONAL : FeatureProfile.STRING;
            FeatureProfile.NumericSummary numbers = null;
            Map<String, Long> categories = null;
            long distinct = 0;
            if (type.equals(FeatureProfile.INTEGRAL) || type.equals(FeatureProfile.FRACTIONAL)) {
                numbers = numeric(duck, i);
            } else if (type.equals(FeatureProfile.STRING)) {
                categories = categories(duck, i);
                distinct = distinct(duck, i);
            }
            features.add(new FeatureProfile(names.get(i), type, present, items - present, integral, numeric, numbers,
                    categories, distinct));
        }
        return new DatasetProfile(items, features);
    }

    /** The value counts of column {@code index} whatever its type, for a feature the baseline says is a String. */
    static Map<String, Long> categories(Connection duck, int index) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery("SELECT " + col(index)
                + " AS v, count(*) AS n FROM data WHERE v IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT "
                + MAX_CATEGORIES)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static long distinct(Connection duck, int index) throws SQLException {
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(DISTINCT " + col(index) + ") FROM data")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static FeatureProfile.NumericSummary numeric(Connection duck, int index) throws SQLException {
        String v = "TRY_CAST(" + col(index) + " AS DOUBLE)";
        double mean;
        double sum;
        double std;
        double min;
        double max;
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery("SELECT avg(v), sum(v), "
                + "stddev_pop(v), min(v), max(v) FROM (SELECT " + v + " AS v FROM data) WHERE v IS NOT NULL")) {
            rs.next();
            mean = rs.getDouble(1);
            sum = rs.getDouble(2);
            std = rs.getDouble(3);
            min = rs.getDouble(4);
            max = rs.getDouble(5);
        }
        double width = (max - min) / BUCKETS;
        double[] lower = new double[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            lower[b] = min + b * width;
        }
        // A value belongs to the last bucket whose lower bound it reaches: the same bounds the report lists.
        StringBuilder bucketOf = new StringBuilder("CASE");
        for (int b = BUCKETS - 1; b > 0; b--) {
            bucketOf.append(" WHEN v >= ").append(literal(lower[b])).append(" THEN ").append(b);
        }
        bucketOf.append(" ELSE 0 END");
        long[] inBucket = new long[BUCKETS];
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery("SELECT " + bucketOf
                + " AS b, count(*) FROM (SELECT " + v + " AS v FROM data) WHERE v IS NOT NULL GROUP BY b")) {
            while (rs.next()) {
                inBucket[rs.getInt(1)] = rs.getLong(2);
            }
        }
        List<FeatureProfile.Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            buckets.add(new FeatureProfile.Bucket(lower[b], b == BUCKETS - 1 ? max : lower[b + 1], inBucket[b]));
        }
        KllSketch sketch = new KllSketch();
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM (SELECT " + v
                + " AS v FROM data) WHERE v IS NOT NULL")) {
            while (rs.next()) {
                sketch.add(rs.getDouble(1));
            }
        }
        return new FeatureProfile.NumericSummary(mean, sum, std, min, max, buckets, sketch);
    }

    private static String literal(double value) {
        return "CAST(" + AnalysisTable.literal(Double.toString(value)) + " AS DOUBLE)";
    }

    static String col(int index) {
        return AnalysisTable.ident("f" + index);
    }
}
