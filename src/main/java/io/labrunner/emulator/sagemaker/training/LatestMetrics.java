package io.labrunner.emulator.sagemaker.training;

import io.labrunner.emulator.sagemaker.TrainingJobs.ReportedMetric;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import io.labrunner.emulator.sagemaker.algorithms.TrainingLog;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel.FinalMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SageMaker reads from a running job's log: each line the container prints is searched with every
 * metric definition's regex, and the first group of a match is that metric's latest value. Tuning jobs
 * follow these while a job runs (early stopping), and a stopped job's final metrics are the last of them.
 * Kept in memory only: a job that is not running has its final metrics in its stored record.
 */
final class LatestMetrics {
    private final Map<String, Map<String, ReportedMetric>> byJob = new ConcurrentHashMap<>();

    /** A log that parses each line for {@code definitions} before passing it on to {@code log}. */
    TrainingLog parsing(String region, String name, List<MetricDefinition> definitions, TrainingLog log) {
        Map<String, ReportedMetric> latest = byJob.computeIfAbsent(TrainingJobStore.key(region, name),
                k -> new ConcurrentHashMap<>());
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        definitions.forEach(d -> patterns.put(d.name(), Pattern.compile(d.regex())));
        return line -> {
            patterns.forEach((metric, pattern) -> {
                Matcher matcher = pattern.matcher(line);
                if (search(pattern, matcher) && matcher.groupCount() >= 1 && matcher.group(1) != null) {
                    parse(matcher.group(1)).ifPresent(value -> latest.merge(metric, new ReportedMetric(value, 1),
                            (old, now) -> new ReportedMetric(now.value(), old.reports() + 1)));
                }
            });
            log.line(line);
        };
    }

    Map<String, ReportedMetric> of(String region, String name) {
        Map<String, ReportedMetric> latest = byJob.get(TrainingJobStore.key(region, name));
        return latest == null ? Map.of() : Map.copyOf(latest);
    }

    /** The latest values as final metrics, in name order, for a job that ends without its algorithm's own. */
    List<FinalMetric> asFinal(String region, String name) {
        List<FinalMetric> out = new ArrayList<>();
        of(region, name).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(new FinalMetric(e.getKey(), e.getValue().value())));
        return out;
    }

    /**
     * Searches the line as SageMaker does (anywhere in it). A regex that starts with {@code .*}, as every
     * XGBoost one does, matches somewhere only if it matches from the start, so one attempt is enough; searching
     * from every position would cost as much as the training round for each of its dozens of regexes.
     */
    private static boolean search(Pattern pattern, Matcher matcher) {
        return pattern.pattern().startsWith(".*") ? matcher.lookingAt() : matcher.find();
    }

    private static java.util.Optional<Double> parse(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? java.util.Optional.of(value) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
