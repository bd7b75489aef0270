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
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GuardrailSummary;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.Tag;

/** Bedrock's kinds. */
public final class BedrockKinds {
    /** Identified by name (what the ledger knows before AWS assigns an id), id or ARN. */
    public static final ResourceKind GUARDRAIL = new Guardrail();

    private BedrockKinds() {
    }

    private static final class Guardrail extends Kind {
        Guardrail() {
            super("BEDROCK_GUARDRAIL", "Bedrock guardrail", Capability.BEDROCK_GUARDRAILS);
        }

        /** Keyed by ARN, as the tagged ones are, so a guardrail found both ways is listed once. */
        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.bedrock().listGuardrailsPaginator(r -> { }).guardrails().stream()
                    .filter(g -> names.matches(g.name()))
                    .map(g -> Listed.of(this, g.arn(), g.name(), g.createdAt())).toList();
        }

        /** A guardrail's ARN is looked up by its name. */
        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            List<Tag> bedrockTags = tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            find(clients.bedrock(), id).ifPresent(g ->
                    clients.bedrock().tagResource(r -> r.resourceARN(g.arn()).tags(bedrockTags)));
        }

        /** Without a version, DeleteGuardrail removes the guardrail with all its versions. */
        @Override
        public Deletion delete(AwsClients clients, String nameIdOrArn) {
            Optional<GuardrailSummary> guardrail = find(clients.bedrock(), nameIdOrArn);
            if (guardrail.isEmpty()) {
                return Deletion.ALREADY_GONE;
            }
            try {
                clients.bedrock().deleteGuardrail(r -> r.guardrailIdentifier(guardrail.get().id()));
                return Deletion.DELETED;
            } catch (ResourceNotFoundException e) {
                return Deletion.ALREADY_GONE;
            }
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("ResourceNotFoundException");
        }

        /** By its whole ARN, which names it as well as its name does. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "bedrock", "guardrail").map(id -> arn.toString());
        }
    }

    /**
     * The guardrail with this name, id or ARN. ListGuardrails without an identifier lists each
     * guardrail once (its DRAFT), with name, id and ARN.
     */
    static Optional<GuardrailSummary> find(BedrockClient bedrock, String nameIdOrArn) {
        return bedrock.listGuardrailsPaginator(r -> { }).guardrails().stream()
                .filter(g -> nameIdOrArn.equals(g.name()) || nameIdOrArn.equals(g.id()) || nameIdOrArn.equals(g.arn()))
                .findFirst();
    }
}
