package io.labrunner.emulator.bedrock.text;

/** Counts the tokens a text has for some tokenizer, to report usage and enforce maximum lengths. */
@FunctionalInterface
public interface TokenCounter {

    /** The number of tokens in {@code text}, without any special tokens a model adds around it. */
    int count(String text);
}
