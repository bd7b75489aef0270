package io.labrunner.emulator.iam.policy;

/**
 * A place in a policy document's text, as IAM's simulator reports it: the 1-based line, and the column
 * just after the brace (IAM's own example, AWS CLI's {@code simulate-custom-policy} reference: a statement
 * whose {@code &#123;} is the 37th character of line 1 starts at column 38, and its {@code &#125;} at
 * character 166 ends it at column 167).
 */
public record Position(int line, int column) {
}
