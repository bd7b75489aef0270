package io.labrunner.emulator.protocol;

import java.util.Locale;

/** The kinds of shape an AWS API model declares; each has its own wire form and constraints. */
public enum ShapeType {
    STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, BOOLEAN, BLOB, TIMESTAMP, DOUBLE, FLOAT,
    /** A free-form JSON value ({@code "document": true} in the model). */
    DOCUMENT;

    /** The type named in a model's {@code "type"} field; number types AWS rarely uses read as DOUBLE. */
    static ShapeType of(String modelType, boolean document) {
        if (document) {
            return DOCUMENT;
        }
        return switch (modelType) {
            case "bigdecimal" -> DOUBLE;
            case "biginteger", "short", "byte" -> LONG;
            default -> valueOf(modelType.toUpperCase(Locale.ROOT));
        };
    }

    /** The name AWS uses for the type in serialization messages, with its article. */
    String withArticle() {
        return switch (this) {
            case INTEGER -> "an Integer";
            case LONG -> "a Long";
            case DOUBLE -> "a Double";
            case FLOAT -> "a Float";
            case BOOLEAN -> "a Boolean";
            case BLOB -> "a Blob";
            case TIMESTAMP -> "a Timestamp";
            default -> "a String";
        };
    }
}
