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
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.Tag;

/** Athena's kinds. */
public final class AthenaKinds {
    /** A workgroup by name; deleting it deletes its named queries too (recursive delete). */
    public static final ResourceKind WORKGROUP = new WorkGroup();

    private AthenaKinds() {
    }

    private static final class WorkGroup extends Kind {
        WorkGroup() {
            super("ATHENA_WORKGROUP", "Athena workgroup", Capability.ATHENA_SQL);
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.athena().listWorkGroupsPaginator(r -> { }).stream()
                    .flatMap(page -> page.workGroups().stream())
                    .filter(w -> names.matches(w.name()))
                    .map(w -> Listed.named(this, w.name(), w.creationTime())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            List<Tag> athenaTags = tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            clients.athena().tagResource(r -> r.resourceARN(arns.of("athena", "workgroup/" + id)).tags(athenaTags));
        }

        @Override
        public Deletion delete(AwsClients clients, String workGroup) {
            try {
                clients.athena().deleteWorkGroup(r -> r.workGroup(workGroup).recursiveDeleteOption(true));
                return Deletion.DELETED;
            } catch (InvalidRequestException e) {
                // Athena reports a missing workgroup as InvalidRequestException with "is not found".
                if (e.getMessage() != null && e.getMessage().contains("not found")) {
                    return Deletion.ALREADY_GONE;
                }
                throw e;
            }
        }

        /** A missing workgroup is an InvalidRequestException that {@link #delete} recognises itself. */
        @Override
        public boolean isNotFound(AwsServiceException e) {
            return false;
        }

        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "athena", "workgroup");
        }
    }
}
