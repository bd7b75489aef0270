package io.labrunner.emulator.glue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** How rows are (de)serialized: the SerDe class and its parameters (e.g. {@code field.delim}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SerDeInfo(String name, String serializationLibrary, Map<String, String> parameters) {
}
