package io.labrunner.emulator.sagemaker.monitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a dataset's profile against a baseline's constraints and statistics, producing the violations of
 * AWS's "Schema for Violations" (data type, completeness, baseline drift, missing and extra columns,
 * categorical values). Features are matched by position: captured records carry no column names.
 *
 * <p>Descriptions: the data type check's is the analyzer's wording as it appears in published reports
 * ("Data type match requirement is not met. Expected data type: Integral, Expected match: 100.0%. Observed:
 * Only 50.0% of data is Integral."), the drift check's follows its "distance: … exceeds threshold: …" form;
 * the others are written in the same style.
 */
final class ConstraintChecker {

    private ConstraintChecker() {
    }

    /** The outcome: violations, and each feature's drift distance for the CloudWatch metrics. */
    record Result(List<Violation> violations, Map<String, Double> drift) {
    }

    static Result check(DatasetProfile current, Constraints constraints,
            Map<String, StatisticsFile.BaselineFeature> baseline, CategoryCounter counter) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Double> drift = new java.util.LinkedHashMap<>();
        List<Constraints.FeatureConstraint> expected = constraints.features();
        List<FeatureProfile> seen = current.features();
        Constraints.MonitoringConfig config = constraints.config();
        for (int i = expected.size(); i < seen.size(); i++) {
            violations.add(new Violation(seen.get(i).name(), Violation.EXTRA_COLUMN, String.format(Locale.ROOT,
                    "There are extra columns in current dataset. Number of columns in current dataset: %d, Number "
                            + "of columns in baseline constraints: %d", seen.size(), expected.size())));
        }
        for (int i = seen.size(); i < expected.size(); i++) {
            violations.add(new Violation(expected.get(i).name(), Violation.MISSING_COLUMN, String.format(Locale.ROOT,
                    "There are missing columns in current dataset. Number of columns in current dataset: %d, Number "
                            + "of columns in baseline constraints: %d", seen.size(), expected.size())));
        }
        for (int i = 0; i < Math.min(expected.size(), seen.size()); i++) {
            Constraints.FeatureConstraint want = expected.get(i);
            FeatureProfile got = seen.get(i);
            String name = want.name();
            double completeness = current.itemCount() == 0 ? 0 : (double) got.present() / current.itemCount();
            if (completeness < want.completeness()) {
                violations.add(new Violation(name, Violation.COMPLETENESS, String.format(Locale.ROOT,
                        "Data completeness requirement is not met. Expected: %s%% of data is non-null. Observed: "
                                + "Only %s%% of data is non-null.", percent(want.completeness()),
                        percent(completeness))));
            }
            String type = want.inferredType();
            if (got.present() > 0 && !type.equals(FeatureProfile.UNKNOWN)) {
                double match = (double) got.matching(type) / got.present();
                if (match < config.datatypeThreshold()) {
                    violations.add(new Violation(name, Violation.DATA_TYPE, String.format(Locale.ROOT,
                            "Data type match requirement is not met. Expected data type: %s, Expected match: %s%%. "
                                    + "Observed: Only %s%% of data is %s.", type,
                            percent(config.datatypeThreshold()), percent(match), type)));
                }
            }
            Map<String, Long> categories = null;
            if (want.domains() != null || type.equals(FeatureProfile.STRING)) {
                categories = got.categories() != null ? got.categories() : counter.categories(i);
            }
            if (want.domains() != null && got.present() > 0) {
                Set<String> domain = new HashSet<>(want.domains());
                long inside = categories.entrySet().stream().filter(e -> domain.contains(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
                double share = (double) inside / got.present();
                if (share < config.domainThreshold()) {
                    violations.add(new Violation(name, Violation.CATEGORICAL_VALUES, String.format(Locale.ROOT,
                            "Data content value requirement is not met. Expected: %s%% of values in the baseline "
                                    + "domain. Observed: Only %s%% of data is in the domain.",
                            percent(config.domainThreshold()), percent(share))));
                }
            }
            StatisticsFile.BaselineFeature base = baseline.get(name);
            if (!config.compare() || base == null) {
                continue;
            }
            if (base.sketch() != null && got.isNumeric()) {
                double distance = DriftDistance.linfSimple(base.sketch(), got.numbers().sketch());
                drift.put(name, distance);
                boolean drifted = "Simple".equals(config.comparisonMethod())
                        ? distance > config.comparisonThreshold()
                        : DriftDistance.robustDrift(distance, config.comparisonThreshold(), base.sketch(),
                                got.numbers().sketch());
                if (drifted) {
                    violations.add(drift(name, distance, config.comparisonThreshold()));
                }
            } else if (base.categories() != null && categories != null) {
                double distance = DriftDistance.linfCategorical(base.categories(), categories);
                drift.put(name, distance);
                if (distance > config.categoricalThreshold()) {
                    violations.add(drift(name, distance, config.categoricalThreshold()));
                }
            }
        }
        return new Result(violations, drift);
    }

    private static Violation drift(String name, double distance, double threshold) {
        return new Violation(name, Violation.BASELINE_DRIFT, "Baseline drift distance: " + distance
                + " exceeds threshold: " + threshold);
    }

    private static String percent(double fraction) {
        return Double.toString(Math.round(fraction * 1000_000.0) / 10_000.0);
    }

    /** Counts the values of a column by index, for a feature the baseline saw as categorical. */
    @FunctionalInterface
    interface CategoryCounter {
        Map<String, Long> categories(int index);
    }
}
