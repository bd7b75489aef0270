package io.labrunner.emulator.events;

import io.labrunner.emulator.AwsException;

/** EventBridge's errors, in its codes and words. */
final class EventsErrors {
    private EventsErrors() {
    }

    static AwsException invalidPattern(String reason) {
        return new AwsException("InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason, 400);
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationException", message, 400);
    }

    static AwsException notFound(String message) {
        return new AwsException("ResourceNotFoundException", message, 400);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException("ResourceAlreadyExistsException", message, 400);
    }

    static AwsException ruleNotFound(String rule, String bus) {
        return notFound("Rule " + rule + " does not exist on EventBus " + bus + ".");
    }

    static AwsException busNotFound(String bus) {
        return notFound("Event bus " + bus + " does not exist.");
    }
}
