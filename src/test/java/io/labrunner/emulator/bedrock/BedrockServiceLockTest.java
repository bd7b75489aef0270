package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import io.labrunner.emulator.bedrock.text.Generation;
import io.labrunner.emulator.bedrock.text.Prompt;
import io.labrunner.emulator.bedrock.text.TextModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Text generation runs outside the guardrail store's lock. */
class BedrockServiceLockTest {
    private static final String MODEL = "amazon.nova-micro-v1:0";

    private static AwsRequest request(String method, String path, String body) {
        return new AwsRequest(method, path, Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8), "bedrock",
                "us-east-1", "test");
    }

    @Test
    void guardrailsCanBeListedWhileAModelIsGenerating() throws InterruptedException {
        AtomicReference<AwsResponse> listed = new AtomicReference<>();
        AtomicReference<AwsResponse> listedDuringGeneration = new AtomicReference<>();
        AtomicReference<BedrockService> service = new AtomicReference<>();
        TextModel listsWhileGenerating = new TextModel() {
            @Override
            public Generation generate(Prompt prompt) {
                // Another client lists guardrails while this generation is under way.
                Thread other = new Thread(() -> listed.set(service.get().handle(request("GET", "/guardrails", ""))));
                other.start();
                try {
                    // Bounded only so that a regression fails instead of hanging: a held lock never lets it finish.
                    other.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                listedDuringGeneration.set(listed.get());
                return new Generation("done", 1, 1, Generation.StopReason.END_TURN, null);
            }

            @Override
            public String name() {
                return "lister";
            }

            @Override
            public boolean deterministic() {
                return true;
            }
        };
        FoundationModels models = new FoundationModels(List.of(new FoundationModel(MODEL, "Nova Micro", "Amazon",
                FoundationModel.Kind.TEXT, List.of("TEXT"), List.of("TEXT"), true)));
        service.set(new BedrockService("000000000000", Clock.systemUTC(), new KeywordTopicMatcher(), new NoEmbedder(),
                models, listsWhileGenerating));

        AwsResponse converse = service.get().handle(request("POST", "/model/" + MODEL + "/converse",
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}]}"));

        assertThat(converse.status()).isEqualTo(200);
        assertThat(listedDuringGeneration.get()).isNotNull();
        assertThat(listedDuringGeneration.get().status()).isEqualTo(200);
    }

    private static final class NoEmbedder implements TextEmbedder {
        @Override
        public Embedding embed(String text) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public int dimensions() {
            return 1;
        }
    }
}
