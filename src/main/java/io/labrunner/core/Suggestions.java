package io.labrunner.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for mistyped lab ids, commands and options. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typed}, if it is close enough to be what was meant: a near spelling
     * ({@code rnu} → {@code run}), else the only candidate that starts with or contains it
     * ({@code kinesis} → {@code kinesis-streams}).
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        Optional<String> near = nearest(typed, candidates);
        if (near.isPresent()) {
            return near;
        }
        List<String> containing = containing(typed, candidates);
        return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
    }

    /**
     * Every candidate {@code typed} may have meant, best first: those that start with it, else those that
     * contain it (ignoring case), else the nearest spelling. Empty when nothing is close.
     */
    public static List<String> all(String typed, Collection<String> candidates) {
        List<String> containing = containing(typed, candidates);
        if (!containing.isEmpty()) {
            return containing;
        }
        return nearest(typed, candidates).map(List::of).orElse(List.of());
    }

    private static Optional<String> nearest(String typed, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt(candidate -> distance(typed, candidate)))
                .filter(candidate -> distance(typed, candidate) <= Math.max(2, candidate.length() / 3));
    }

    /** Candidates that start with {@code typed}, else those that contain it; at least two characters typed. */
    private static List<String> containing(String typed, Collection<String> candidates) {
        String part = typed.toLowerCase(Locale.ROOT);
        if (part.length() < 2) {
            return List.of();
        }
        List<String> starting = candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(part)).toList();
        if (!starting.isEmpty()) {
            return starting;
        }
        return candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains(part)).toList();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
