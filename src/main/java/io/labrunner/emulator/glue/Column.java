package io.labrunner.emulator.glue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A catalog column: name, Hive type ({@code bigint}, {@code array<string>}, ...), optional comment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Column(String name, String type, String comment, Map<String, String> parameters) {

    public static Column of(String name, String type) {
        return new Column(name, type, null, null);
    }
}
