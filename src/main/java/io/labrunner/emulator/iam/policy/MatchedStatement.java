package io.labrunner.emulator.iam.policy;

/** A statement that decided a request, with the policy it is in. */
public record MatchedStatement(SourcedPolicy policy, Statement statement) {
}
