package io.labrunner.target;

import io.labrunner.core.LabException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * The local model server that answers Bedrock's text models on the embedded target, from
 * {@code LAB_MODEL_SERVER_URL} (an Ollama-style base URL, e.g. {@code http://127.0.0.1:11434}) and
 * {@code LAB_MODEL_SERVER_MODEL} (default {@value #DEFAULT_MODEL}). Unset means the emulator's
 * deterministic grounded responder answers.
 */
public record ModelServerSetting(URI url, String model) {
    public static final String URL_VARIABLE = "LAB_MODEL_SERVER_URL";
    public static final String MODEL_VARIABLE = "LAB_MODEL_SERVER_MODEL";
    public static final String DEFAULT_MODEL = "llama3.2";

    /** The setting the environment gives, if any; a URL that is not http(s) is the user's mistake, said in one line. */
    public static Optional<ModelServerSetting> from(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String model = Optional.ofNullable(environment.get(MODEL_VARIABLE)).filter(m -> !m.isBlank()).orElse(DEFAULT_MODEL);
        try {
            URI uri = new URI(url.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
            return Optional.of(new ModelServerSetting(uri, model));
        } catch (URISyntaxException e) {
            throw new LabException(URL_VARIABLE + "='" + url + "' is not an http(s) URL such as http://127.0.0.1:11434; "
                    + "unset it to use the emulator's grounded responder.");
        }
    }
}
