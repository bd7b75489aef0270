package io.labrunner.core;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * An SDK error that says the target does not serve an operation at all, as opposed to refusing this one request:
 * the lab cannot run there, which is the target's gap, not the learner's mistake.
 *
 * @param service   the service as the SDK names it, e.g. {@code Glue}
 * @param operation the operation, e.g. {@code CreateCrawler}, or {@code an operation} when the answer does not name it
 * @param answer    what the target answered, in one line: {@code InvalidAction: Action CreateCrawler is not supported}
 */
public record MissingOperation(String service, String operation, String answer) {
    /**
     * Error codes that mean "no such operation here": AWS's query protocol (InvalidAction), its JSON protocols
     * (UnknownOperationException) and emulators that say so outright (NotImplemented).
     */
    private static final Set<String> CODES = Set.of("InvalidAction", "UnknownOperationException", "UnknownOperation",
            "NotImplemented", "NotImplementedException");
    /** "Action CreateCrawler is not supported", "Operation X is not supported.", "API action 'X' … not yet emulated". */
    private static final Pattern NOT_SERVED = Pattern.compile(
            "(?i)\\b(action|operation)\\b.{0,120}\\b(not (yet )?(supported|implemented|been implemented|been emulated)"
                    + "|is either not available)");
    /** An operation's name as AWS spells it: two or more capitalised words run together (CreateCrawler). */
    private static final Pattern OPERATION = Pattern.compile("\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\\b");

    /** The missing operation {@code e} (or its cause) reports; empty for any other error. */
    public static Optional<MissingOperation> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException aws) {
                return from(aws);
            }
        }
        return Optional.empty();
    }

    private static Optional<MissingOperation> from(AwsServiceException aws) {
        String code = aws.awsErrorDetails() == null ? "" : nullToEmpty(aws.awsErrorDetails().errorCode());
        String message = aws.awsErrorDetails() == null ? nullToEmpty(aws.getMessage())
                : nullToEmpty(aws.awsErrorDetails().errorMessage());
        boolean missing = CODES.contains(code) || aws.statusCode() == 501 || NOT_SERVED.matcher(message).find();
        if (!missing) {
            return Optional.empty();
        }
        String service = aws.awsErrorDetails() == null || aws.awsErrorDetails().serviceName() == null
                ? "the service" : aws.awsErrorDetails().serviceName();
        Matcher name = OPERATION.matcher(message);
        String operation = "an operation";
        while (name.find()) {
            if (!name.group().equals(code)) {
                operation = name.group();
                break;
            }
        }
        String answer = (code.isEmpty() ? "HTTP " + aws.statusCode() : code) + (message.isEmpty() ? "" : ": " + message);
        return Optional.of(new MissingOperation(service, operation, answer.lines().findFirst().orElse(answer)));
    }

    /** One line: {@code Glue CreateCrawler is not served by target floci (InvalidAction: …)}. */
    public String describe(String target) {
        return service + " " + operation + " is not served by target " + target + " (" + answer + ")";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
