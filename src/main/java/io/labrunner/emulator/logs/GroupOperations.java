package io.labrunner.emulator.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** CreateLogGroup, DeleteLogGroup, DescribeLogGroups, retention policies and log group tags. */
final class GroupOperations {
    private static final int DESCRIBE_LIMIT = 50;
    /** The retention periods PutRetentionPolicy accepts (API reference, PutRetentionPolicy). */
    private static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final String ARN_GROUP = ":log-group:";

    private GroupOperations() {
    }

    static Object create(Members in, Scope scope) {
        String name = in.string("logGroupName");
        if (scope.region().groups().containsKey(name)) {
            throw LogsErrors.groupExists();
        }
        String logGroupClass = in.string("logGroupClass");
        LogGroup group = new LogGroup(name, scope.now(), logGroupClass == null ? "STANDARD" : logGroupClass,
                in.string("kmsKeyId"), null, in.stringMap("tags"));
        scope.region().groups().put(name, group);
        scope.store().saveGroup(scope.regionName(), group);
        return null;
    }

    static Object delete(Members in, Scope scope) {
        String name = in.string("logGroupName");
        scope.region().group(name);
        scope.region().groups().remove(name);
        scope.store().removeGroup(scope.regionName(), name);
        return null;
    }

    static Object describe(Members in, Scope scope) {
        String prefix = in.string("logGroupNamePrefix");
        String pattern = in.string("logGroupNamePattern");
        if (prefix != null && pattern != null) {
            throw LogsErrors.invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually "
                    + "exclusive parameters.");
        }
        String logGroupClass = in.string("logGroupClass");
        Set<String> identifiers = Set.copyOf(in.strings("logGroupIdentifiers"));
        List<Map<String, Object>> matching = new ArrayList<>();
        for (LogGroup group : scope.region().groups().values()) {
            boolean named = identifiers.isEmpty() || identifiers.contains(group.name())
                    || identifiers.contains(group.arn(scope.regionName(), scope.account()));
            if (named && (prefix == null || group.name().startsWith(prefix))
                    && (pattern == null || group.name().toLowerCase(Locale.ROOT)
                            .contains(pattern.toLowerCase(Locale.ROOT)))
                    && (logGroupClass == null || logGroupClass.equals(group.logGroupClass()))) {
                matching.add(describe(group, scope));
            }
        }
        int limit = in.integer("limit") == null ? DESCRIBE_LIMIT : in.integer("limit");
        return Pages.page(matching, in.string("nextToken"), limit, "logGroups");
    }

    private static Map<String, Object> describe(LogGroup group, Scope scope) {
        Map<String, Object> out = new LinkedHashMap<>();
        String arn = group.arn(scope.regionName(), scope.account());
        out.put("logGroupName", group.name());
        out.put("creationTime", group.creationTime());
        if (group.retentionInDays() != null) {
            out.put("retentionInDays", group.retentionInDays());
        }
        out.put("metricFilterCount", 0);
        out.put("arn", arn + ":*");
        out.put("storedBytes", group.storedBytes());
        if (group.kmsKeyId() != null) {
            out.put("kmsKeyId", group.kmsKeyId());
        }
        out.put("logGroupClass", group.logGroupClass());
        out.put("logGroupArn", arn);
        return out;
    }

    static Object putRetention(Members in, Scope scope) {
        LogGroup group = scope.region().group(in.string("logGroupName"));
        int days = in.integer("retentionInDays");
        if (!RETENTION_DAYS.contains(days)) {
            throw LogsErrors.constraint("retentionInDays", days, "satisfy enum value set: " + RETENTION_DAYS);
        }
        group.retentionInDays(days);
        scope.store().saveGroup(scope.regionName(), group);
        return null;
    }

    static Object deleteRetention(Members in, Scope scope) {
        LogGroup group = scope.region().group(in.string("logGroupName"));
        group.retentionInDays(null);
        scope.store().saveGroup(scope.regionName(), group);
        return null;
    }

    static Object tagResource(Members in, Scope scope) {
        return tag(groupOfArn(in.string("resourceArn"), scope), in.stringMap("tags"), scope);
    }

    static Object untagResource(Members in, Scope scope) {
        return untag(groupOfArn(in.string("resourceArn"), scope), in.strings("tagKeys"), scope);
    }

    static Object listTagsForResource(Members in, Scope scope) {
        return Map.of("tags", new TreeMap<>(groupOfArn(in.string("resourceArn"), scope).tags()));
    }

    static Object tagLogGroup(Members in, Scope scope) {
        return tag(scope.region().group(in.string("logGroupName")), in.stringMap("tags"), scope);
    }

    static Object untagLogGroup(Members in, Scope scope) {
        return untag(scope.region().group(in.string("logGroupName")), in.strings("tags"), scope);
    }

    static Object listTagsLogGroup(Members in, Scope scope) {
        return Map.of("tags", new TreeMap<>(scope.region().group(in.string("logGroupName")).tags()));
    }

    private static Object tag(LogGroup group, Map<String, String> tags, Scope scope) {
        Map<String, String> merged = new TreeMap<>(group.tags());
        merged.putAll(tags);
        if (merged.size() > 50) {
            throw LogsErrors.invalidParameter("A log group can have at most 50 tags.");
        }
        group.tags().putAll(tags);
        scope.store().saveGroup(scope.regionName(), group);
        return null;
    }

    private static Object untag(LogGroup group, List<String> keys, Scope scope) {
        keys.forEach(group.tags()::remove);
        scope.store().saveGroup(scope.regionName(), group);
        return null;
    }

    /** The log group an ARN (without {@code :*}) names; only log groups are taggable here. */
    private static LogGroup groupOfArn(String arn, Scope scope) {
        String prefix = "arn:aws:logs:" + scope.regionName() + ":" + scope.account() + ARN_GROUP;
        if (!arn.startsWith(prefix)) {
            throw LogsErrors.invalidParameter("Invalid resource ARN: " + arn);
        }
        LogGroup group = scope.region().groups().get(arn.substring(prefix.length()));
        if (group == null) {
            throw LogsErrors.groupNotFound();
        }
        return group;
    }
}
