package io.labrunner.emulator.glue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/** A catalog database. Names are stored lower-cased, as Glue stores them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Database(
        String name,
        String description,
        String locationUri,
        Map<String, String> parameters,
        Instant createTime,
        String catalogId) {

    /** A database definition for {@link GlueCatalog#createDatabase}. */
    public static Database named(String name, String description) {
        return new Database(name, description, null, Map.of(), null, null);
    }
}
