package io.labrunner.core.exam;

import java.util.Set;
import java.util.TreeSet;

/** What a learner types as an answer: {@code B}, {@code AC}, {@code a, c}, {@code A C}. */
public final class Letters {
    private Letters() {
    }

    /**
     * The letters named, upper-cased and in order; empty when nothing was typed.
     *
     * @throws IllegalArgumentException naming the first character that is not A–D
     */
    public static Set<String> parse(String typed) {
        Set<String> letters = new TreeSet<>();
        for (char c : typed.strip().toCharArray()) {
            if (c == ',' || c == ' ' || c == '\t') {
                continue;
            }
            char upper = Character.toUpperCase(c);
            if (upper < 'A' || upper > 'D') {
                throw new IllegalArgumentException("'" + c + "' is not one of the letters A–D");
            }
            letters.add(String.valueOf(upper));
        }
        return letters;
    }

    /** {@code [A, C]} as {@code AC}. */
    public static String join(java.util.Collection<String> letters) {
        return String.join("", new TreeSet<>(letters));
    }
}
