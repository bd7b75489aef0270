package io.labrunner.emulator.secretsmanager;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** GetRandomPassword: a password from the character classes asked for, one of each by default. */
final class RandomPasswords {
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    /** The punctuation GetRandomPassword draws from (its ExcludePunctuation documentation). */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final int DEFAULT_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPasswords() {
    }

    static Object generate(Input input) {
        int length = input.number("PasswordLength") == null ? DEFAULT_LENGTH
                : input.number("PasswordLength").intValue();
        String excluded = input.text("ExcludeCharacters") == null ? "" : input.text("ExcludeCharacters");
        List<String> classes = new ArrayList<>();
        addClass(classes, LOWER, input.flag("ExcludeLowercase", false), excluded);
        addClass(classes, UPPER, input.flag("ExcludeUppercase", false), excluded);
        addClass(classes, DIGITS, input.flag("ExcludeNumbers", false), excluded);
        addClass(classes, PUNCTUATION, input.flag("ExcludePunctuation", false), excluded);
        addClass(classes, " ", !input.flag("IncludeSpace", false), excluded);
        boolean eachType = input.flag("RequireEachIncludedType", true);
        if (classes.isEmpty()) {
            throw SecretsErrors.invalidParameter("The password length or the excluded characters leave no characters"
                    + " to choose from.");
        }
        if (eachType && length < classes.size()) {
            throw SecretsErrors.invalidParameter("The password length is too short to include every required"
                    + " character type.");
        }
        String all = String.join("", classes);
        List<Character> chars = new ArrayList<>();
        if (eachType) {
            classes.forEach(c -> chars.add(pick(c)));
        }
        while (chars.size() < length) {
            chars.add(pick(all));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder password = new StringBuilder();
        chars.forEach(password::append);
        return Map.of("RandomPassword", password.toString());
    }

    private static void addClass(List<String> classes, String characters, boolean exclude, String excluded) {
        if (exclude) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        characters.chars().filter(c -> excluded.indexOf(c) < 0).forEach(c -> kept.append((char) c));
        if (kept.length() > 0) {
            classes.add(kept.toString());
        }
    }

    private static char pick(String characters) {
        return characters.charAt(RANDOM.nextInt(characters.length()));
    }
}
