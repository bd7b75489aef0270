package io.labrunner.emulator.bedrock.text;

/**
 * What a {@link TextModel} produced.
 *
 * @param text         the assistant's message
 * @param inputTokens  tokens read
 * @param outputTokens tokens generated
 * @param stopReason   why generation ended
 * @param stopSequence the stop sequence that ended it, when {@code stopReason} is {@link StopReason#STOP_SEQUENCE}
 */
public record Generation(String text, int inputTokens, int outputTokens, StopReason stopReason, String stopSequence) {

    /** Why generation ended, with the names Converse uses on the wire. */
    public enum StopReason {
        END_TURN("end_turn"), MAX_TOKENS("max_tokens"), STOP_SEQUENCE("stop_sequence");

        private final String wireName;

        StopReason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
