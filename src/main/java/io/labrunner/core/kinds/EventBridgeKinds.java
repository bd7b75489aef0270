package io.labrunner.core.kinds;

import io.labrunner.core.Arns;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.NameFilter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.core.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** EventBridge's kinds. */
public final class EventBridgeKinds {
    /**
     * An EventBridge rule on the default event bus, by name. EventBridge refuses to delete a rule that still has
     * targets, so cleanup removes them first.
     */
    public static final ResourceKind RULE = new Rule();

    private EventBridgeKinds() {
    }

    private static final class Rule extends Kind {
        Rule() {
            super("EVENTBRIDGE_RULE", "EventBridge rule", Capability.EVENTBRIDGE);
        }

        /** Rules have no creation time: a rule found by name alone is of unknown age. */
        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.eventBridge().listRules(r -> r.namePrefix(names.prefix())).rules().stream()
                    .filter(rule -> names.matches(rule.name()))
                    .map(rule -> Listed.named(this, rule.name(), null)).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            try {
                String ruleArn = clients.eventBridge().describeRule(r -> r.name(id)).arn();
                clients.eventBridge().tagResource(r -> r.resourceARN(ruleArn).tags(tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
            } catch (ResourceNotFoundException notYetMade) {
                // A name reserved for the learner's rule: it is tagged when the learner creates it with tags.
            }
        }

        /** Removes the rule's targets (EventBridge refuses to delete a rule that has any), then the rule. */
        @Override
        public Deletion delete(AwsClients clients, String name) {
            var events = clients.eventBridge();
            try {
                // A rule has at most five targets: one page holds them all.
                List<String> targets = events.listTargetsByRule(r -> r.rule(name)).targets().stream()
                        .map(Target::id).toList();
                if (!targets.isEmpty()) {
                    events.removeTargets(r -> r.rule(name).ids(targets).force(false));
                }
                events.deleteRule(r -> r.name(name));
                return Deletion.DELETED;
            } catch (ResourceNotFoundException e) {
                return Deletion.ALREADY_GONE;
            }
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFoundException");
        }

        /** {@code arn:aws:events:<region>:<account>:rule/<name>}; a rule on a custom bus ({@code rule/<bus>/<name>}) is none of the runner's. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            String rest = arn.resourceAsString();
            return arn.service().equals("events") && rest.startsWith("rule/") && rest.split("/").length == 2
                    ? last(arn, "events", "rule") : Optional.empty();
        }
    }
}
