package io.labrunner.emulator.athena;

/**
 * A query failure as Athena reports it: an error name such as {@code COLUMN_NOT_FOUND} and a
 * message; {@link #getMessage()} is the full {@code StateChangeReason},
 * e.g. {@code COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved}.
 */
public class AthenaQueryException extends RuntimeException {
    private final String errorName;
    private final String detail;

    public AthenaQueryException(String errorName, String detail) {
        super(errorName + ": " + detail);
        this.errorName = errorName;
        this.detail = detail;
    }

    /** The Trino/Athena error name, e.g. {@code TABLE_NOT_FOUND}. */
    public String errorName() {
        return errorName;
    }

    /** The message after the error name. */
    public String detail() {
        return detail;
    }

    /**
     * Athena's error category: 1 system, 2 user, 3 other
     * (https://docs.aws.amazon.com/athena/latest/APIReference/API_AthenaError.html).
     */
    public int errorCategory() {
        return errorName.startsWith("GENERIC_INTERNAL") ? 1 : 2;
    }
}
