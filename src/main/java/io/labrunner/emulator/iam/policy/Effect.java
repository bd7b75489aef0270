package io.labrunner.emulator.iam.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW, DENY
}
