package io.labrunner.emulator.iam.policy;

/** The outcome of evaluating one request, named as IAM's simulator names it. */
public enum EvalDecision {
    ALLOWED("allowed"), EXPLICIT_DENY("explicitDeny"), IMPLICIT_DENY("implicitDeny");

    private final String wireName;

    EvalDecision(String wireName) {
        this.wireName = wireName;
    }

    /** {@code allowed}, {@code explicitDeny} or {@code implicitDeny}. */
    public String wireName() {
        return wireName;
    }
}
