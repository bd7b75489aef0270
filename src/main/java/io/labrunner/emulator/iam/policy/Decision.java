package io.labrunner.emulator.iam.policy;

import java.util.List;

/**
 * The evaluator's answer for one request.
 *
 * @param decision             allowed, explicitDeny or implicitDeny
 * @param matched              the statements that decided it: the denying ones for explicitDeny, the allowing
 *                             ones for allowed, none for implicitDeny
 * @param missingContextValues context keys the deciding policies' conditions asked for and the request lacked
 * @param allowedByBoundary    whether the permissions boundary allowed the request; null without a boundary
 */
public record Decision(EvalDecision decision, List<MatchedStatement> matched, List<String> missingContextValues,
                       Boolean allowedByBoundary) {
    public Decision {
        matched = List.copyOf(matched);
        missingContextValues = List.copyOf(missingContextValues);
    }
}
