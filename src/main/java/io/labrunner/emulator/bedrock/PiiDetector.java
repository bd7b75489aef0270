package io.labrunner.emulator.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds PII by regular expression. Covers the types a lab is likely to configure; other types AWS
 * accepts (NAME, ADDRESS, AGE…) are accepted by CreateGuardrail but never detected here, because
 * no cheap, honest pattern exists for them.
 */
final class PiiDetector {
    /** A found occurrence: its type (or regex name) and where it is. */
    record Span(String type, int start, int end, String match) {
    }

    private record Detector(Pattern pattern, Predicate<String> check) {
    }

    private static final Map<String, Detector> DETECTORS = Map.of(
            "EMAIL", new Detector(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), m -> true),
            "PHONE", new Detector(Pattern.compile(
                    "(?<![\\d-])(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?![\\d-])"), m -> true),
            "US_SOCIAL_SECURITY_NUMBER", new Detector(Pattern.compile("(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])"),
                    m -> !m.startsWith("000") && !m.startsWith("666") && !m.startsWith("9")),
            "CREDIT_DEBIT_CARD_NUMBER", new Detector(Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)"),
                    PiiDetector::luhn),
            "IP_ADDRESS", new Detector(Pattern.compile("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}"
                    + "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\d.])"), m -> true),
            "URL", new Detector(Pattern.compile("https?://[^\\s]+"), m -> true));

    private PiiDetector() {
    }

    static List<Span> find(String type, String text) {
        Detector detector = DETECTORS.get(type);
        return detector == null ? List.of() : find(type, detector.pattern(), detector.check(), text);
    }

    static List<Span> find(String name, Pattern pattern, Predicate<String> check, String text) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (matcher.end() > matcher.start() && check.test(matcher.group())) {
                spans.add(new Span(name, matcher.start(), matcher.end(), matcher.group()));
            }
        }
        return spans;
    }

    /** The Luhn checksum card numbers carry, so random digit runs are not taken for cards. */
    static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("[^0-9]", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return digits.length() >= 13 && sum % 10 == 0;
    }
}
