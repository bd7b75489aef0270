package io.labrunner.core;

import java.security.SecureRandom;

/** Short, lower-case run ids that are safe inside S3 bucket names and every other resource name. */
public final class RunIds {
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz";
    private static final String ALPHANUMERIC = LETTERS + "23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** Six characters, starting with a letter; ambiguous characters (l, o, 0, 1) are left out. */
    public static String next() {
        StringBuilder id = new StringBuilder(6);
        id.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        for (int i = 1; i < 6; i++) {
            id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    /** The name of a run's resource: {@code lab-<runid>-<suffix>}. */
    public static String resourceName(String runId, String suffix) {
        String name = "lab-" + runId + "-" + suffix.toLowerCase(java.util.Locale.ROOT);
        if (!name.matches("[a-z0-9-]{3,63}")) {
            throw new IllegalArgumentException("Resource suffix must be lower-case letters, digits and dashes: " + suffix);
        }
        return name;
    }
}
