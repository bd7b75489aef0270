package io.labrunner.target;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line says about the target: its name and the options only some targets use.
 *
 * @param name     {@code embedded}, {@code endpoint}, {@code localstack}, {@code floci} or {@code aws}
 * @param endpoint {@code --endpoint}; else {@code AWS_ENDPOINT_URL} is used by {@code endpoint}
 * @param image    {@code --image}: a container image instead of the pinned one
 * @param reuse    {@code --reuse}: keep the container running between runs
 * @param profile  {@code --profile}: the AWS profile for {@code aws}
 * @param region   {@code --region}
 * @param env      the environment (tokens, allow-lists); tests pass their own
 */
public record TargetOptions(String name, Optional<URI> endpoint, Optional<String> image, boolean reuse,
                            Optional<String> profile, Optional<String> region, Map<String, String> env) {

    public TargetOptions {
        env = Map.copyOf(env);
    }

    /** Just a target name, everything else from the process environment. */
    public static TargetOptions named(String name) {
        return new TargetOptions(name, Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                System.getenv());
    }

    Optional<String> env(String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
