package io.labrunner.emulator.iam.policy;

/** What a document is for, which decides the elements it must and must not have. */
public enum PolicyKind {
    /** An identity policy inline in a user, group or role: no Principal, Resource required. */
    IDENTITY,
    /**
     * A managed policy's document: as {@link #IDENTITY}, and Version 2012-10-17 required (CreatePolicy refuses
     * a document without it: "Policy document must be version 2012-10-17 or greater.").
     */
    MANAGED,
    /** A role's trust policy: Principal required, no Resource. */
    TRUST,
    /** Attached to a resource (bucket policy, key policy): Principal and Resource required. */
    RESOURCE
}
