package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.labrunner.core.Lab;
import java.util.List;

/** {@code lab list --output json}. */
final class LabListJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LabListJson() {
    }

    static String render(List<Lab> labs) {
        try {
            return JSON.writeValueAsString(labs.stream().map(Lab::info).toList());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
