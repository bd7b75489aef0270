package io.labrunner.labs.bedrockguardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.RunNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The guide's commands use exactly the names the lab declares, plus what the guide sets itself. */
class GuideNamesTest {
    private static final Pattern USED = Pattern.compile("\\$([A-Z][A-Z_]+)");
    private static final Pattern SET = Pattern.compile("(?m)^\\s*(?:export\\s+)?([A-Z][A-Z_]+)=");

    @Test
    void theNamesAreTheRunsAndTheGuideUsesThemAll() throws IOException {
        Map<String, String> names = new BedrockGuardrailsLab().names(RunNames.of("k3f9x2"));
        String guide = Files.readString(Path.of("labs/bedrock-guardrails/README.md"));

        assertThat(names).containsEntry("GUARDRAIL_NAME", "lab-k3f9x2-assistant-guardrail");
        Set<String> used = matches(USED, guide);
        Set<String> known = new TreeSet<>(names.keySet());
        known.add("ENDPOINT");
        known.addAll(matches(SET, guide));
        assertThat(known).as("variables the guide uses but neither lab env nor the guide sets").containsAll(used);
        assertThat(used).as("names the lab declares that the guide never uses").containsAll(names.keySet());
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
