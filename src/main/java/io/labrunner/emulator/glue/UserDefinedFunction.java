package io.labrunner.emulator.glue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A user-defined function in a catalog database (a Hive UDF: its Java class and the jars or files it needs).
 * Names are stored lower-cased, as Glue stores database, table and function names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserDefinedFunction(
        String functionName,
        String databaseName,
        String className,
        String ownerName,
        String functionType,
        String ownerType,
        Instant createTime,
        List<ResourceUri> resourceUris,
        String catalogId) {

    /** A jar, file or archive the function needs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResourceUri(String resourceType, String uri) {
    }

    UserDefinedFunction placed(String name, String database, Instant created) {
        return new UserDefinedFunction(name, database, className, ownerName, functionType, ownerType, created,
                resourceUris == null ? List.of() : resourceUris, GlueCatalog.CATALOG_ID);
    }
}
