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
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Kinesis Data Streams' kinds. */
public final class KinesisKinds {
    /** A data stream by name; deleting it deletes its registered consumers too. */
    public static final ResourceKind STREAM = new Stream();

    private KinesisKinds() {
    }

    private static final class Stream extends Kind {
        Stream() {
            super("KINESIS_STREAM", "Kinesis stream", Capability.KINESIS);
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.kinesis().listStreamsPaginator(r -> { }).stream()
                    .flatMap(page -> page.streamSummaries().stream())
                    // A deleted stream lingers as DELETING for a while, on AWS too: it is on its way out.
                    .filter(s -> names.matches(s.streamName()) && s.streamStatus() != StreamStatus.DELETING)
                    .map(s -> Listed.named(this, s.streamName(), s.streamCreationTimestamp())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            clients.kinesis().addTagsToStream(r -> r.streamName(id).tags(tags));
        }

        @Override
        public Deletion delete(AwsClients clients, String stream) {
            try {
                // Consumers would block the delete; a lab's stream may still have one registered.
                clients.kinesis().deleteStream(r -> r.streamName(stream).enforceConsumerDeletion(true));
                return Deletion.DELETED;
            } catch (ResourceNotFoundException e) {
                return Deletion.ALREADY_GONE;
            }
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFoundException");
        }

        @Override
        public boolean isTransient(AwsServiceException e) {
            return e instanceof ResourceInUseException;
        }

        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "kinesis", "stream");
        }
    }
}
