package io.labrunner.target;

import io.labrunner.core.LabException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The user's rules for real accounts, from {@code config.properties} in the user's config folder
 * ({@code $XDG_CONFIG_HOME/lab-runner/}, else {@code ~/.config/lab-runner/}) and, for CI, the
 * environment:
 * <pre>
 * allowed-accounts=111122223333,444455556666   # or LAB_RUNNER_ALLOWED_ACCOUNTS
 * prod-keywords=prod,live                      # or LAB_RUNNER_PROD_KEYWORDS; default: prod
 * allow-prod-alias=444455556666                # or LAB_RUNNER_ALLOW_PROD_ALIAS
 * </pre>
 */
public record GuardConfig(Path file, Set<String> allowedAccounts, List<String> prodKeywords, Set<String> allowProdAlias) {

    public GuardConfig {
        allowedAccounts = Set.copyOf(allowedAccounts);
        prodKeywords = List.copyOf(prodKeywords);
        allowProdAlias = Set.copyOf(allowProdAlias);
    }

    /** Where the config file lives for this user. */
    public static Path defaultFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("lab-runner").resolve("config.properties");
    }

    /** Reads the file (if it exists) and adds what the environment says. */
    public static GuardConfig load(Path file, Map<String, String> env) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new LabException("Cannot read " + file + ": " + e.getMessage());
            }
        }
        Set<String> allowed = new LinkedHashSet<>(list(properties.getProperty("allowed-accounts")));
        allowed.addAll(list(env.get("LAB_RUNNER_ALLOWED_ACCOUNTS")));
        Set<String> prodAllowed = new LinkedHashSet<>(list(properties.getProperty("allow-prod-alias")));
        prodAllowed.addAll(list(env.get("LAB_RUNNER_ALLOW_PROD_ALIAS")));
        String keywords = env.getOrDefault("LAB_RUNNER_PROD_KEYWORDS", properties.getProperty("prod-keywords", "prod"));
        List<String> prodKeywords = new ArrayList<>();
        list(keywords).forEach(k -> prodKeywords.add(k.toLowerCase(Locale.ROOT)));
        return new GuardConfig(file, allowed, prodKeywords, prodAllowed);
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split("[,\\s]+")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }
}
