package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.testing.EmbeddedEmulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chooser against the emulator's ListFoundationModels, as the labs use it on the embedded target. */
class BedrockModelsOnEmulatorTest {
    private static EmbeddedEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theEmbeddedTargetServesTheDefaultModels() {
        BedrockModels models = new BedrockModels(emulator.clients().bedrock(), Map.<String, String>of()::get);

        assertThat(models.choose(BedrockModels.Use.TEXT).id()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(models.choose(BedrockModels.Use.EMBEDDING).id()).isEqualTo("amazon.titan-embed-text-v2:0");
    }

    @Test
    void anEmbeddingModelIsNoAnswerToATextPreference() {
        BedrockModels models = new BedrockModels(emulator.clients().bedrock(),
                Map.of("LAB_BEDROCK_TEXT_MODEL", "amazon.titan-embed-text-v2:0")::get);

        assertThatThrownBy(() -> models.choose(BedrockModels.Use.TEXT))
                .isInstanceOf(LabException.class).hasMessageContaining("lists no such TEXT model");
    }
}
