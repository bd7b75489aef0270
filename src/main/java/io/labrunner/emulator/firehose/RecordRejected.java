package io.labrunner.emulator.firehose;

/**
 * A record, or a whole batch, that format conversion could not convert, with the error code and message
 * Firehose writes into the error output's {@code lastErrorCode} and {@code lastErrorMessage}.
 */
final class RecordRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The record is not JSON. */
    static final String PARSE_ERROR = "DataFormatConversion.ParseError";
    /** The record is JSON, but a value does not fit its column's type. */
    static final String MALFORMED_DATA = "DataFormatConversion.MalformedData";

    private final String code;

    RecordRejected(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static RecordRejected mismatch(String detail) {
        return new RecordRejected(MALFORMED_DATA, "Data does not match the schema. " + detail);
    }

    String code() {
        return code;
    }
}
