package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PutRule, DescribeRule, ListRules, EnableRule, DisableRule, DeleteRule, and the targets of a rule: PutTargets,
 * RemoveTargets, ListTargetsByRule, ListRuleNamesByTarget.
 */
final class RuleOperations {
    /** AWS's quota of targets per rule. */
    static final int MAX_TARGETS = 5;

    private final EventStore store;

    RuleOperations(EventStore store) {
        this.store = store;
    }

    Object putRule(Input input, String region) {
        EventBus bus = store.requireBus(region, input.text("EventBusName"));
        String pattern = blankToNull(input.text("EventPattern"));
        String schedule = blankToNull(input.text("ScheduleExpression"));
        if (pattern == null && schedule == null) {
            throw EventsErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (schedule != null) {
            if (!EventStore.DEFAULT_BUS.equals(bus.name())) {
                throw EventsErrors.validation("ScheduleExpression is supported only on the default event bus.");
            }
            Schedule.parse(schedule);
        }
        if (pattern != null) {
            EventPattern.parse(pattern);
        }
        String name = input.text("Name");
        Rule existing = store.rule(region, bus.name(), name).orElse(null);
        String state = input.has("State") ? input.text("State") : Rule.ENABLED;
        // As on AWS, PutRule on an existing rule replaces its settings but keeps its targets and tags.
        Rule rule = new Rule(name, store.ruleArn(region, bus.name(), name), region, bus.name(), pattern, schedule,
                state, input.text("Description"), input.text("RoleArn"),
                existing == null ? store.now() : existing.created(),
                existing == null ? input.tags("Tags") : existing.tags(),
                existing == null ? List.of() : existing.targets());
        store.save(rule);
        return Map.of("RuleArn", rule.arn());
    }

    Object describeRule(Input input, String region) {
        Rule rule = require(input, "Name", region);
        Map<String, Object> out = view(rule);
        out.put("CreatedBy", store.account());
        return out;
    }

    Object listRules(Input input, String region) {
        EventBus bus = store.requireBus(region, input.text("EventBusName"));
        String prefix = input.text("NamePrefix");
        List<Rule> rules = store.rules(region, bus.name()).stream()
                .filter(r -> prefix == null || r.name().startsWith(prefix)).toList();
        Paging<Rule> page = Paging.of(rules, input.number("Limit"), input.text("NextToken"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Rules", page.page().stream().map(RuleOperations::view).toList());
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    Object enableRule(Input input, String region) {
        store.save(require(input, "Name", region).withState(Rule.ENABLED));
        return null;
    }

    Object disableRule(Input input, String region) {
        store.save(require(input, "Name", region).withState(Rule.DISABLED));
        return null;
    }

    Object deleteRule(Input input, String region) {
        EventBus bus = store.requireBus(region, input.text("EventBusName"));
        store.rule(region, bus.name(), input.text("Name")).ifPresent(rule -> {
            if (!rule.targets().isEmpty()) {
                throw EventsErrors.validation("Rule can't be deleted since it has targets.");
            }
            store.remove(rule);
        });
        return null;
    }

    Object putTargets(Input input, String region) {
        Rule rule = require(input, "Rule", region);
        Map<String, JsonNode> targets = new LinkedHashMap<>();
        rule.targets().forEach(t -> targets.put(t.path("Id").asText(), t));
        List<Map<String, String>> failed = new ArrayList<>();
        for (JsonNode target : input.node().path("Targets")) {
            validateTarget(target);
            targets.put(target.path("Id").asText(), target);
        }
        if (targets.size() > MAX_TARGETS) {
            throw new AwsException("LimitExceededException",
                    "The requested resource exceeds the maximum number allowed.", 400);
        }
        store.save(rule.withTargets(new ArrayList<>(targets.values())));
        return result(failed);
    }

    /** What AWS checks of a target before accepting it; the target's own service is not asked. */
    private static void validateTarget(JsonNode target) {
        String arn = target.path("Arn").asText();
        if (!arn.startsWith("arn:") || arn.split(":", 6).length < 6) {
            throw EventsErrors.validation("Parameter " + arn + " is not valid. Reason: Provided Arn is not in "
                    + "correct format.");
        }
        int inputs = (target.hasNonNull("Input") ? 1 : 0) + (target.hasNonNull("InputPath") ? 1 : 0)
                + (target.hasNonNull("InputTransformer") ? 1 : 0);
        if (inputs > 1) {
            throw EventsErrors.validation("Only one of Input, InputPath, or InputTransformer must be provided.");
        }
        if (target.hasNonNull("Input")) {
            try {
                Json.mapper().readTree(target.get("Input").asText());
            } catch (java.io.IOException e) {
                throw EventsErrors.validation("Target " + target.path("Id").asText() + " Input is not valid JSON.");
            }
        }
        if (target.hasNonNull("InputPath")) {
            TargetInput.checkPath(target.get("InputPath").asText(), "InputPath");
        }
        if (target.hasNonNull("InputTransformer")) {
            TargetInput.checkTransformer(target.get("InputTransformer"));
        }
    }

    Object removeTargets(Input input, String region) {
        Rule rule = require(input, "Rule", region);
        Set<String> ids = Set.copyOf(input.strings("Ids"));
        List<JsonNode> kept = rule.targets().stream().filter(t -> !ids.contains(t.path("Id").asText())).toList();
        store.save(rule.withTargets(kept));
        return result(List.of());
    }

    Object listTargetsByRule(Input input, String region) {
        Rule rule = require(input, "Rule", region);
        Paging<JsonNode> page = Paging.of(rule.targets(), input.number("Limit"), input.text("NextToken"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Targets", page.page());
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    Object listRuleNamesByTarget(Input input, String region) {
        EventBus bus = store.requireBus(region, input.text("EventBusName"));
        String arn = input.text("TargetArn");
        List<String> names = store.rules(region, bus.name()).stream()
                .filter(r -> r.targets().stream().anyMatch(t -> arn.equals(t.path("Arn").asText())))
                .map(Rule::name).toList();
        Paging<String> page = Paging.of(names, input.number("Limit"), input.text("NextToken"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("RuleNames", page.page());
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private Rule require(Input input, String member, String region) {
        EventBus bus = store.requireBus(region, input.text("EventBusName"));
        return store.requireRule(region, bus.name(), input.text(member));
    }

    private static Map<String, Object> result(List<Map<String, String>> failed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("FailedEntryCount", failed.size());
        out.put("FailedEntries", failed);
        return out;
    }

    static Map<String, Object> view(Rule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Name", rule.name());
        out.put("Arn", rule.arn());
        if (rule.eventPattern() != null) {
            out.put("EventPattern", rule.eventPattern());
        }
        if (rule.scheduleExpression() != null) {
            out.put("ScheduleExpression", rule.scheduleExpression());
        }
        out.put("State", rule.state());
        if (rule.description() != null) {
            out.put("Description", rule.description());
        }
        if (rule.roleArn() != null) {
            out.put("RoleArn", rule.roleArn());
        }
        out.put("EventBusName", rule.busName());
        return out;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
