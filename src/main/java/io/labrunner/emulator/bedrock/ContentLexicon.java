package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.bedrock.GuardrailConfig.Strength;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's content classifier: per category, a few words, each with the confidence its
 * presence stands for. AWS uses a trained classifier; this small lexicon keeps labs deterministic.
 */
final class ContentLexicon {
    static final Map<String, Map<String, Strength>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("HATE", Map.of("hate", Strength.LOW, "inferior race", Strength.HIGH,
                "subhuman", Strength.HIGH, "go back to your country", Strength.MEDIUM, "bigot", Strength.LOW));
        CATEGORIES.put("INSULTS", Map.of("stupid", Strength.LOW, "idiot", Strength.MEDIUM, "moron", Strength.MEDIUM,
                "dumb", Strength.LOW, "loser", Strength.LOW, "worthless", Strength.HIGH, "pathetic", Strength.MEDIUM));
        CATEGORIES.put("SEXUAL", Map.of("sexy", Strength.LOW, "nude", Strength.MEDIUM, "naked", Strength.MEDIUM,
                "porn", Strength.HIGH, "explicit sex", Strength.HIGH));
        CATEGORIES.put("VIOLENCE", Map.of("fight", Strength.LOW, "punch", Strength.LOW, "attack", Strength.MEDIUM,
                "kill", Strength.HIGH, "murder", Strength.HIGH, "stab", Strength.HIGH, "shoot", Strength.MEDIUM));
        CATEGORIES.put("MISCONDUCT", Map.of("steal", Strength.MEDIUM, "shoplift", Strength.MEDIUM,
                "hack into", Strength.HIGH, "launder money", Strength.HIGH, "make a bomb", Strength.HIGH,
                "cheat", Strength.LOW, "fake id", Strength.MEDIUM));
        CATEGORIES.put("PROMPT_ATTACK", Map.of("ignore previous instructions", Strength.HIGH,
                "ignore all previous instructions", Strength.HIGH, "ignore your instructions", Strength.HIGH,
                "disregard the system prompt", Strength.HIGH, "you are now", Strength.MEDIUM,
                "jailbreak", Strength.MEDIUM, "pretend you have no rules", Strength.HIGH));
    }

    private ContentLexicon() {
    }

    /** The highest confidence any of the category's words stands for in {@code text}; NONE when none occurs. */
    static Strength confidence(String category, String text) {
        Strength best = Strength.NONE;
        for (Map.Entry<String, Strength> entry : CATEGORIES.getOrDefault(category, Map.of()).entrySet()) {
            if (entry.getValue().ordinal() > best.ordinal() && WordPolicy.find(text, entry.getKey()).isPresent()) {
                best = entry.getValue();
            }
        }
        return best;
    }
}
