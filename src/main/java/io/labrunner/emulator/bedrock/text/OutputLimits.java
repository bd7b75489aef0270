package io.labrunner.emulator.bedrock.text;

import io.labrunner.emulator.bedrock.text.Generation.StopReason;

/**
 * Cuts a finished answer the way a model stops generating it: at the first stop sequence, then at
 * the maximum number of tokens (whole words only).
 */
final class OutputLimits {
    private OutputLimits() {
    }

    static Generation apply(String answer, int inputTokens, InferenceSettings settings, TokenCounter counter) {
        String text = answer;
        StopReason reason = StopReason.END_TURN;
        String matched = null;
        int cut = -1;
        for (String stop : settings.stopSequences()) {
            int at = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
                matched = stop;
            }
        }
        if (cut >= 0) {
            text = text.substring(0, cut).stripTrailing();
            reason = StopReason.STOP_SEQUENCE;
        }
        int tokens = counter.count(text);
        if (tokens > settings.maxTokens()) {
            text = truncate(text, settings.maxTokens(), counter);
            tokens = counter.count(text);
            reason = StopReason.MAX_TOKENS;
            matched = null;
        }
        return new Generation(text, inputTokens, tokens, reason, matched);
    }

    /** The longest prefix of whole words that fits in {@code maxTokens}, found by bisection on the word count. */
    private static String truncate(String text, int maxTokens, TokenCounter counter) {
        String[] words = text.split("(?<=\\s)");
        int low = 0;
        int high = words.length;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (counter.count(prefix(words, mid)) <= maxTokens) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return prefix(words, low).stripTrailing();
    }

    private static String prefix(String[] words, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(words[i]);
        }
        return out.toString();
    }
}
