package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.LabException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelServerSettingTest {

    @Test
    void noUrlMeansTheGroundedResponderAnswers() {
        assertThat(ModelServerSetting.from(Map.of())).isEmpty();
        assertThat(ModelServerSetting.from(Map.of("LAB_MODEL_SERVER_URL", " "))).isEmpty();
    }

    @Test
    void aUrlAloneGetsTheDefaultModel() {
        assertThat(ModelServerSetting.from(Map.of("LAB_MODEL_SERVER_URL", "http://127.0.0.1:11434")))
                .contains(new ModelServerSetting(URI.create("http://127.0.0.1:11434"), "llama3.2"));
    }

    @Test
    void theModelCanBeChosen() {
        assertThat(ModelServerSetting.from(Map.of("LAB_MODEL_SERVER_URL", "http://localhost:11434",
                "LAB_MODEL_SERVER_MODEL", "qwen2.5:0.5b"))).get().extracting(ModelServerSetting::model).isEqualTo("qwen2.5:0.5b");
    }

    @Test
    void aUrlThatIsNotHttpIsOneClearLine() {
        assertThatThrownBy(() -> ModelServerSetting.from(Map.of("LAB_MODEL_SERVER_URL", "localhost:11434")))
                .isInstanceOf(LabException.class)
                .hasMessage("LAB_MODEL_SERVER_URL='localhost:11434' is not an http(s) URL such as http://127.0.0.1:11434; "
                        + "unset it to use the emulator's grounded responder.");
    }
}
