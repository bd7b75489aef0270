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
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** CloudWatch's kinds. */
public final class CloudWatchKinds {
    /** A CloudWatch metric alarm, by name. */
    public static final ResourceKind ALARM = new Alarm();

    private CloudWatchKinds() {
    }

    private static final class Alarm extends Kind {
        Alarm() {
            super("CLOUDWATCH_ALARM", "CloudWatch alarm", Capability.CLOUDWATCH_METRICS);
        }

        /** An alarm has no creation time: the last change of its configuration stands in. */
        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.cloudWatch().describeAlarmsPaginator(r -> r.alarmNamePrefix(names.prefix())).metricAlarms()
                    .stream().filter(a -> names.matches(a.alarmName()))
                    .map(a -> Listed.named(this, a.alarmName(), a.alarmConfigurationUpdatedTimestamp())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            List<Tag> alarmTags = tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            clients.cloudWatch().describeAlarms(r -> r.alarmNames(id)).metricAlarms().forEach(a ->
                    clients.cloudWatch().tagResource(r -> r.resourceARN(a.alarmArn()).tags(alarmTags)));
        }

        /** DeleteAlarms skips names of no alarm without a word, so whether it was there is asked first. */
        @Override
        public Deletion delete(AwsClients clients, String name) {
            var cloudWatch = clients.cloudWatch();
            if (cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().isEmpty()) {
                return Deletion.ALREADY_GONE;
            }
            cloudWatch.deleteAlarms(r -> r.alarmNames(name));
            return Deletion.DELETED;
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFound") || code(e).equals("ResourceNotFoundException");
        }

        /** {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}, the name whole. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            String rest = arn.resourceAsString();
            return arn.service().equals("cloudwatch") && rest.startsWith("alarm:") && rest.length() > "alarm:".length()
                    ? Optional.of(rest.substring("alarm:".length())) : Optional.empty();
        }
    }
}
