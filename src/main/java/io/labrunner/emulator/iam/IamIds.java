package io.labrunner.emulator.iam;

import java.security.SecureRandom;
import java.util.Base64;

/** The unique ids and secrets IAM hands out: a four-letter prefix that says what it is, then 16 or 17 characters. */
final class IamIds {
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IamIds() {
    }

    /** A unique id such as {@code AIDA...} (user) or {@code AGPA...} (group): the prefix and 17 characters. */
    static String uniqueId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    /** A long-term access key id: {@code AKIA} and 16 base-32 characters. */
    static String accessKeyId() {
        StringBuilder id = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            id.append(KEY_CHARS.charAt(RANDOM.nextInt(KEY_CHARS.length())));
        }
        return id.toString();
    }

    /** A 40-character secret access key. */
    static String secret() {
        byte[] raw = new byte[30];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
