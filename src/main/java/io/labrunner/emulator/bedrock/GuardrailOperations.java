package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.GuardrailConfig.Source;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The guardrail operations of Bedrock's control plane (CreateGuardrail, GetGuardrail, ListGuardrails,
 * CreateGuardrailVersion, DeleteGuardrail) and the runtime's ApplyGuardrail, on input the protocol core has
 * already checked against the models; each runs under the {@link GuardrailStore}'s lock.
 */
final class GuardrailOperations implements GuardrailGate {
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int DEFAULT_PAGE = 100;

    private final String accountId;
    private final Clock clock;
    private final GuardrailStore store;
    private final GuardrailEvaluator evaluator;

    GuardrailOperations(String accountId, Clock clock, GuardrailStore store, GuardrailEvaluator evaluator) {
        this.accountId = accountId;
        this.clock = clock;
        this.store = store;
        this.evaluator = evaluator;
    }

    ObjectNode create(ObjectNode input, AwsRequest request) {
        GuardrailConfig config = GuardrailRequests.config(input);
        return store.locked(() -> {
            if (store.nameTaken(config.name())) {
                throw new AwsException("ConflictException",
                        "A guardrail with the name " + config.name() + " already exists.", 409);
            }
            String id = newId();
            String arn = "arn:aws:bedrock:" + request.region() + ":" + accountId + ":guardrail/" + id;
            Guardrail created = new Guardrail(id, arn, config, clock.instant());
            store.save(created);
            return Json.object().put("guardrailId", id).put("guardrailArn", arn).put("version", Guardrail.DRAFT)
                    .put("createdAt", GuardrailJson.iso(created.draft().createdAt()));
        });
    }

    ObjectNode get(ObjectNode input, AwsRequest request) {
        return store.locked(() -> {
            Guardrail guardrail = store.find(input.path("guardrailIdentifier").asText());
            return GuardrailJson.get(guardrail, GuardrailStore.version(guardrail, text(input, "guardrailVersion")));
        });
    }

    ObjectNode list(ObjectNode input, AwsRequest request) {
        String identifier = text(input, "guardrailIdentifier");
        int start = pageStart(text(input, "nextToken"));
        int size = input.path("maxResults").asInt(DEFAULT_PAGE);
        List<ObjectNode> summaries = store.locked(() -> {
            List<ObjectNode> all = new ArrayList<>();
            if (identifier == null) {
                store.all().forEach(g -> all.add(GuardrailJson.summary(g, g.draft())));
            } else {
                Guardrail guardrail = store.find(identifier);
                all.add(GuardrailJson.summary(guardrail, guardrail.draft()));
                guardrail.versions().forEach(v -> all.add(GuardrailJson.summary(guardrail, v)));
            }
            return all;
        });
        // In long: a nextToken near Integer.MAX_VALUE plus the page size would overflow to a negative end.
        int end = (int) Math.min(summaries.size(), (long) start + size);
        ObjectNode response = Json.object();
        ArrayNode page = response.putArray("guardrails");
        summaries.subList(Math.min(start, end), end).forEach(page::add);
        if (end < summaries.size()) {
            response.put("nextToken", Integer.toString(end));
        }
        return response;
    }

    ObjectNode createVersion(ObjectNode input, AwsRequest request) {
        return store.locked(() -> {
            Guardrail guardrail = store.find(input.path("guardrailIdentifier").asText());
            Guardrail.Version version = guardrail.snapshot(text(input, "description"), clock.instant());
            store.save(guardrail);
            return Json.object().put("guardrailId", guardrail.id()).put("version", version.version());
        });
    }

    ObjectNode delete(ObjectNode input, AwsRequest request) {
        String version = text(input, "guardrailVersion");
        return store.locked(() -> {
            Guardrail guardrail = store.find(input.path("guardrailIdentifier").asText());
            if (version == null || Guardrail.DRAFT.equals(version)) {
                store.remove(guardrail);
            } else if (!guardrail.removeVersion(version)) {
                throw GuardrailStore.notFound();
            } else {
                store.save(guardrail);
            }
            return Json.object();
        });
    }

    ObjectNode apply(ObjectNode input, AwsRequest request) {
        List<String> texts = new ArrayList<>();
        input.path("content").forEach(block -> {
            JsonNode text = block.path("text").path("text");
            if (text.isTextual()) {
                texts.add(text.asText());
            }
        });
        if (texts.isEmpty()) {
            throw AwsException.validation("The content field must contain at least one text block.");
        }
        return apply(input.path("guardrailIdentifier").asText(), input.path("guardrailVersion").asText(),
                Source.valueOf(input.path("source").asText()), texts);
    }

    /** The {@link GuardrailGate} the text operations use: ApplyGuardrail on a stored version, under the store's lock. */
    @Override
    public ObjectNode apply(String identifier, String version, Source source, List<String> texts) {
        return store.locked(() ->
                evaluator.apply(GuardrailStore.version(store.find(identifier), version).config(), source, texts));
    }

    private static int pageStart(String token) {
        if (token == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            throw AwsException.validation("The nextToken is not valid.");
        }
    }

    private static String text(ObjectNode input, String member) {
        JsonNode value = input.get(member);
        return value == null ? null : value.asText();
    }

    private static String newId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
