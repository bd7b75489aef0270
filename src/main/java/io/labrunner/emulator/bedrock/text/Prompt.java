package io.labrunner.emulator.bedrock.text;

import java.util.List;

/**
 * A conversation to answer, already validated: the system prompt's text blocks, the turns (first
 * and last from the user, alternating) and the inference settings.
 *
 * @param system   system prompt text blocks, possibly empty
 * @param turns    the conversation, oldest first
 * @param settings length limit, sampling and stop sequences
 */
public record Prompt(List<String> system, List<Turn> turns, InferenceSettings settings) {

    public Prompt {
        system = List.copyOf(system);
        turns = List.copyOf(turns);
    }

    /** The text of the last user turn, or an empty string when there is none. */
    public String lastUserText() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Turn.Role.USER) {
                return turns.get(i).text();
            }
        }
        return "";
    }

    /** Everything the model reads, for counting input tokens. */
    public String allText() {
        StringBuilder all = new StringBuilder();
        system.forEach(s -> all.append(s).append('\n'));
        turns.forEach(t -> all.append(t.text()).append('\n'));
        return all.toString();
    }

    /** A copy with the last user turn's text replaced, e.g. by a guardrail's masked version. */
    public Prompt withLastUserText(String text) {
        List<Turn> copy = new java.util.ArrayList<>(turns);
        for (int i = copy.size() - 1; i >= 0; i--) {
            if (copy.get(i).role() == Turn.Role.USER) {
                copy.set(i, new Turn(Turn.Role.USER, text));
                break;
            }
        }
        return new Prompt(system, copy, settings);
    }

    /**
     * One message of the conversation; its content blocks' texts joined by blank lines.
     *
     * @param role who said it
     * @param text what was said
     */
    public record Turn(Role role, String text) {

        /** The two conversation roles Bedrock accepts. */
        public enum Role {
            USER, ASSISTANT;

            /** The role as the wire names it: {@code user} or {@code assistant}. */
            public String wireName() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }
}
