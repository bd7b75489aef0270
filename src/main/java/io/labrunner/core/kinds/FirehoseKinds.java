package io.labrunner.core.kinds;

import io.labrunner.core.Arns;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.NameFilter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.core.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.ResourceInUseException;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.firehose.model.Tag;

/** Data Firehose's kinds. */
public final class FirehoseKinds {
    /** A delivery stream by name. */
    public static final ResourceKind DELIVERY_STREAM = new DeliveryStream();

    private FirehoseKinds() {
    }

    private static final class DeliveryStream extends Kind {
        DeliveryStream() {
            super("FIREHOSE_STREAM", "Firehose stream", Capability.FIREHOSE_S3);
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            var firehose = clients.firehose();
            List<Listed> found = new ArrayList<>();
            String after = null;
            boolean more = true;
            while (more) {
                String start = after;
                var page = firehose.listDeliveryStreams(r -> r.limit(10000).exclusiveStartDeliveryStreamName(start));
                for (String name : page.deliveryStreamNames()) {
                    if (!names.matches(name)) {
                        continue;
                    }
                    try {
                        DeliveryStreamDescription stream = firehose.describeDeliveryStream(r -> r.deliveryStreamName(name))
                                .deliveryStreamDescription();
                        // A deleted stream lingers as DELETING for a while: it is on its way out.
                        if (stream.deliveryStreamStatus() != DeliveryStreamStatus.DELETING) {
                            found.add(Listed.named(this, name, stream.createTimestamp()));
                        }
                    } catch (ResourceNotFoundException goneMeanwhile) {
                        // Deleted between the listing and the describe.
                    }
                }
                more = Boolean.TRUE.equals(page.hasMoreDeliveryStreams()) && !page.deliveryStreamNames().isEmpty();
                if (more) {
                    after = page.deliveryStreamNames().get(page.deliveryStreamNames().size() - 1);
                }
            }
            return found;
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            List<Tag> firehoseTags = tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            clients.firehose().tagDeliveryStream(r -> r.deliveryStreamName(id).tags(firehoseTags));
        }

        @Override
        public Deletion delete(AwsClients clients, String stream) {
            try {
                clients.firehose().deleteDeliveryStream(r -> r.deliveryStreamName(stream));
                return Deletion.DELETED;
            } catch (ResourceNotFoundException e) {
                return Deletion.ALREADY_GONE;
            }
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFoundException");
        }

        /** A stream still CREATING cannot be deleted yet. */
        @Override
        public boolean isTransient(AwsServiceException e) {
            return e instanceof ResourceInUseException;
        }

        /** {@code arn:aws:firehose:<region>:<account>:deliverystream/<name>}. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "firehose", "deliverystream");
        }
    }
}
