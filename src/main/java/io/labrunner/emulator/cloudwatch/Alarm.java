package io.labrunner.emulator.cloudwatch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One metric alarm: its configuration as PutMetricAlarm gave it, and its state. Times are epoch milliseconds. */
record Alarm(String region, String name, String arn, String description, boolean actionsEnabled,
             List<String> okActions, List<String> alarmActions, List<String> insufficientDataActions,
             String namespace, String metricName, Map<String, String> dimensions, String statistic,
             String extendedStatistic, int period, String unit, int evaluationPeriods, int datapointsToAlarm,
             double threshold, String comparisonOperator, String treatMissingData, long configuredAt,
             Map<String, String> tags, String state, String stateReason, String stateReasonData, long stateUpdatedAt,
             long stateTransitionedAt) {

    MetricId metric() {
        return new MetricId(namespace, metricName, dimensions);
    }

    String stat() {
        return statistic != null ? statistic : extendedStatistic;
    }

    Alarm withState(String newState, String reason, String reasonData, long now) {
        return new Alarm(region, name, arn, description, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, namespace, metricName, dimensions, statistic, extendedStatistic, period, unit,
                evaluationPeriods, datapointsToAlarm, threshold, comparisonOperator, treatMissingData, configuredAt, tags,
                newState, reason, reasonData, now, newState.equals(state) ? stateTransitionedAt : now);
    }

    Alarm withActionsEnabled(boolean enabled) {
        return new Alarm(region, name, arn, description, enabled, okActions, alarmActions, insufficientDataActions,
                namespace, metricName, dimensions, statistic, extendedStatistic, period, unit, evaluationPeriods,
                datapointsToAlarm, threshold, comparisonOperator, treatMissingData, configuredAt, tags, state,
                stateReason, stateReasonData, stateUpdatedAt, stateTransitionedAt);
    }

    Alarm withTags(Map<String, String> newTags) {
        return new Alarm(region, name, arn, description, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, namespace, metricName, dimensions, statistic, extendedStatistic, period, unit,
                evaluationPeriods, datapointsToAlarm, threshold, comparisonOperator, treatMissingData, configuredAt,
                Map.copyOf(newTags), state, stateReason, stateReasonData, stateUpdatedAt, stateTransitionedAt);
    }

    /** The API's {@code MetricAlarm}. */
    Map<String, Object> toMetricAlarm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AlarmName", name);
        m.put("AlarmArn", arn);
        m.put("AlarmDescription", description);
        m.put("AlarmConfigurationUpdatedTimestamp", Instant.ofEpochMilli(configuredAt));
        m.put("ActionsEnabled", actionsEnabled);
        m.put("OKActions", okActions);
        m.put("AlarmActions", alarmActions);
        m.put("InsufficientDataActions", insufficientDataActions);
        m.put("StateValue", state);
        m.put("StateReason", stateReason);
        m.put("StateReasonData", stateReasonData);
        m.put("StateUpdatedTimestamp", Instant.ofEpochMilli(stateUpdatedAt));
        m.put("MetricName", metricName);
        m.put("Namespace", namespace);
        m.put("Statistic", statistic);
        m.put("ExtendedStatistic", extendedStatistic);
        m.put("Dimensions", metric().dimensionList());
        m.put("Period", period);
        m.put("Unit", unit);
        m.put("EvaluationPeriods", evaluationPeriods);
        m.put("DatapointsToAlarm", datapointsToAlarm);
        m.put("Threshold", threshold);
        m.put("ComparisonOperator", comparisonOperator);
        m.put("TreatMissingData", treatMissingData);
        m.put("StateTransitionedTimestamp", Instant.ofEpochMilli(stateTransitionedAt));
        return m;
    }
}
