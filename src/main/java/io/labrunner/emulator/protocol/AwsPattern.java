package io.labrunner.emulator.protocol;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A model's {@code pattern} constraint. AWS matches the whole value, so {@code 0|([1-9]\d{0,38})}
 * means either alternative for the entire string, which {@link java.util.regex.Matcher#matches()}
 * gives. Every pattern in the models we ship compiles as a Java regex as written (checked by
 * {@code AwsPatternTest}); one that did not would be skipped rather than refuse every request.
 *
 * @param source   the pattern as the model states it, quoted back in error messages
 * @param compiled the Java regex, or null when the pattern is not valid Java syntax
 */
public record AwsPattern(String source, Pattern compiled) {

    static AwsPattern of(String source) {
        try {
            return new AwsPattern(source, Pattern.compile(source, Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            return new AwsPattern(source, null);
        }
    }

    /**
     * True when the whole value matches, or when the pattern cannot be checked in Java. A value so long that
     * Java's backtracking matcher runs out of stack on a repeated group (Bedrock's model ids,
     * {@code (([0-9a-zA-Z][_-]?)+)}, overflow at about 2,000 characters on a server thread) counts as not
     * matching: refused as off-pattern rather than failing the request.
     */
    public boolean matches(String value) {
        if (compiled == null) {
            return true;
        }
        try {
            return compiled.matcher(value).matches();
        } catch (StackOverflowError e) {
            return false;
        }
    }
}
