package io.labrunner.emulator.logs;

/**
 * GetLogEvents' tokens, shaped as AWS's ({@code f/<56 digits>/s}, {@code b/<56 digits>/s}): a
 * forward token reads events at or after its position, a backward token events before it.
 */
record ReadToken(boolean forward, EventPosition position) {

    static String forward(EventPosition position) {
        return "f/" + position.digits() + "/s";
    }

    static String backward(EventPosition position) {
        return "b/" + position.digits() + "/s";
    }

    static ReadToken parse(String token) {
        boolean forward = token.startsWith("f/");
        if (!forward && !token.startsWith("b/")) {
            throw LogsErrors.invalidToken();
        }
        String digits = token.substring(2);
        if (digits.endsWith("/s")) {
            digits = digits.substring(0, digits.length() - 2);
        }
        EventPosition position = EventPosition.parse(digits);
        if (position == null) {
            throw LogsErrors.invalidToken();
        }
        return new ReadToken(forward, position);
    }
}
