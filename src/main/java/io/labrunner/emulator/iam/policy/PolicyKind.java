package io.labrunner.emulator.iam.policy;

/** What a document is for, which decides the elements it must and must not have. */
public enum PolicyKind {
    /** Attached to a user, group or role (inline or managed): no Principal, Resource required. */
    IDENTITY,
    /** A role's trust policy: Principal required, no Resource. */
    TRUST,
    /** Attached to a resource (bucket policy, key policy): Principal and Resource required. */
    RESOURCE
}
