package io.labrunner.emulator.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.TaggableResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchDeleteTableVersionResponse;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.FunctionType;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.PrincipalType;
import software.amazon.awssdk.services.glue.model.ResourceType;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.TableVersion;
import software.amazon.awssdk.services.glue.model.UserDefinedFunction;
import software.amazon.awssdk.services.glue.model.UserDefinedFunctionInput;

/** Table versions, user-defined functions, refused renames and tags, through the SDK v2 Glue client. */
class GlueVersionsFunctionsTagsSdkTest {
    static Emulator emulator;
    static GlueClient glue;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        glue = GlueClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    @AfterAll
    static void stop() {
        glue.close();
        emulator.close();
    }

    private static TableInput table(String name, String description) {
        return TableInput.builder().name(name).description(description).tableType("EXTERNAL_TABLE").build();
    }

    @Test
    void everyUpdateKeepsTheVersionItReplacesUnlessToldToSkipTheArchive() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("versions")));
        glue.createTable(r -> r.databaseName("versions").tableInput(table("events", "v0")));
        assertThat(glue.getTable(r -> r.databaseName("versions").name("events")).table().versionId()).isEqualTo("0");

        glue.updateTable(r -> r.databaseName("versions").tableInput(table("events", "v1")).versionId("0"));
        glue.updateTable(r -> r.databaseName("versions").tableInput(table("events", "v2")));
        glue.updateTable(r -> r.databaseName("versions").tableInput(table("events", "v3")).skipArchive(true));

        List<TableVersion> versions = glue.getTableVersions(r -> r.databaseName("versions").tableName("events"))
                .tableVersions();
        assertThat(versions).extracting(TableVersion::versionId).containsExactly("3", "1", "0");
        assertThat(versions).extracting(v -> v.table().description()).containsExactly("v3", "v1", "v0");
        assertThat(versions.get(2).table().versionId()).isEqualTo("0");

        assertThat(glue.getTableVersion(r -> r.databaseName("versions").tableName("events").versionId("1"))
                .tableVersion().table().description()).isEqualTo("v1");
        assertThat(glue.getTableVersion(r -> r.databaseName("versions").tableName("events")).tableVersion()
                .versionId()).isEqualTo("3");
        assertThatThrownBy(() -> glue.getTableVersion(r -> r.databaseName("versions").tableName("events")
                .versionId("2"))).isInstanceOf(EntityNotFoundException.class);

        assertThatThrownBy(() -> glue.updateTable(r -> r.databaseName("versions").tableInput(table("events", "x"))
                .versionId("1")))
                .isInstanceOf(ConcurrentModificationException.class)
                .hasMessageContaining("Update table failed due to concurrent modifications.");
        assertThat(glue.getTable(r -> r.databaseName("versions").name("events")).table().description())
                .isEqualTo("v3");
    }

    @Test
    void versionsArePagedAndDeletedOneByOneOrInBatches() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("paged")));
        glue.createTable(r -> r.databaseName("paged").tableInput(table("t", "v0")));
        for (int i = 1; i <= 4; i++) {
            String description = "v" + i;
            glue.updateTable(r -> r.databaseName("paged").tableInput(table("t", description)));
        }
        var pages = glue.getTableVersionsPaginator(r -> r.databaseName("paged").tableName("t").maxResults(2))
                .stream().toList();
        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(p -> p.tableVersions().stream()).map(TableVersion::versionId))
                .containsExactly("4", "3", "2", "1", "0");

        glue.deleteTableVersion(r -> r.databaseName("paged").tableName("t").versionId("3"));
        assertThatThrownBy(() -> glue.deleteTableVersion(r -> r.databaseName("paged").tableName("t").versionId("4")))
                .isInstanceOf(InvalidInputException.class);
        BatchDeleteTableVersionResponse batch = glue.batchDeleteTableVersion(r -> r.databaseName("paged")
                .tableName("t").versionIds("0", "1", "3"));
        assertThat(batch.errors()).hasSize(1);
        assertThat(batch.errors().get(0).versionId()).isEqualTo("3");
        assertThat(batch.errors().get(0).errorDetail().errorCode()).isEqualTo("EntityNotFoundException");
        assertThat(glue.getTableVersions(r -> r.databaseName("paged").tableName("t")).tableVersions())
                .extracting(TableVersion::versionId).containsExactly("4", "2");

        assertThatThrownBy(() -> glue.getTableVersions(r -> r.databaseName("paged").tableName("nope")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("Table nope not found.");
    }

    @Test
    void userDefinedFunctionsAreCreatedListedByPatternUpdatedAndDeleted() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("udfs")));
        for (String name : List.of("to_upper", "to_lower", "parse_ts")) {
            glue.createUserDefinedFunction(r -> r.databaseName("udfs").functionInput(function(name, "com.example.A")));
        }
        assertThatThrownBy(() -> glue.createUserDefinedFunction(r -> r.databaseName("udfs")
                .functionInput(function("to_upper", "com.example.B"))))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> glue.createUserDefinedFunction(r -> r.databaseName("missing")
                .functionInput(function("f", "com.example.B"))))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("Database missing not found.");

        UserDefinedFunction got = glue.getUserDefinedFunction(r -> r.databaseName("udfs").functionName("to_upper"))
                .userDefinedFunction();
        assertThat(got.className()).isEqualTo("com.example.A");
        assertThat(got.databaseName()).isEqualTo("udfs");
        assertThat(got.ownerType()).isEqualTo(PrincipalType.USER);
        assertThat(got.resourceUris()).singleElement().satisfies(u -> assertThat(u.uri()).isEqualTo("s3://jars/a.jar"));
        assertThat(got.createTime()).isNotNull();

        List<String> matching = glue.getUserDefinedFunctionsPaginator(r -> r.databaseName("udfs").pattern("to_*")
                .maxResults(1)).stream().flatMap(p -> p.userDefinedFunctions().stream())
                .map(UserDefinedFunction::functionName).toList();
        assertThat(matching).containsExactly("to_lower", "to_upper");

        glue.updateUserDefinedFunction(r -> r.databaseName("udfs").functionName("to_upper")
                .functionInput(function("to_upper", "com.example.Upper")));
        assertThat(glue.getUserDefinedFunction(r -> r.databaseName("udfs").functionName("to_upper"))
                .userDefinedFunction().className()).isEqualTo("com.example.Upper");

        glue.deleteUserDefinedFunction(r -> r.databaseName("udfs").functionName("to_upper"));
        assertThatThrownBy(() -> glue.getUserDefinedFunction(r -> r.databaseName("udfs").functionName("to_upper")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("Cannot find function.");
        assertThatThrownBy(() -> glue.deleteUserDefinedFunction(r -> r.databaseName("udfs").functionName("to_upper")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    private static UserDefinedFunctionInput function(String name, String className) {
        return UserDefinedFunctionInput.builder().functionName(name).className(className).ownerName("lab")
                .ownerType(PrincipalType.USER).functionType(FunctionType.REGULAR_FUNCTION)
                .resourceUris(u -> u.resourceType(ResourceType.JAR).uri("s3://jars/a.jar")).build();
    }

    @Test
    void aDatabaseCannotBeRenamed() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("keepname").description("before")));
        assertThatThrownBy(() -> glue.updateDatabase(r -> r.name("keepname")
                .databaseInput(d -> d.name("newname").description("after"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Database cannot be renamed");
        assertThat(glue.getDatabase(r -> r.name("keepname")).database().description()).isEqualTo("before");
        glue.updateDatabase(r -> r.name("keepname").databaseInput(d -> d.name("KeepName").description("after")));
        assertThat(glue.getDatabase(r -> r.name("keepname")).database().description()).isEqualTo("after");
    }

    @Test
    void databasesTablesAndCrawlersCarryTagsByArn() {
        String prefix = "arn:aws:glue:" + emulator.getRegion() + ":000000000000:";
        glue.createDatabase(r -> r.databaseInput(d -> d.name("tagged")).tags(Map.of("team", "data")));
        glue.createTable(r -> r.databaseName("tagged").tableInput(table("orders", "t")));
        assertThat(glue.getTags(r -> r.resourceArn(prefix + "database/tagged")).tags())
                .containsExactlyEntriesOf(Map.of("team", "data"));

        glue.tagResource(r -> r.resourceArn(prefix + "table/tagged/orders").tagsToAdd(Map.of("a", "1", "b", "2")));
        glue.untagResource(r -> r.resourceArn(prefix + "table/tagged/orders").tagsToRemove("a", "zzz"));
        assertThat(glue.getTags(r -> r.resourceArn(prefix + "table/tagged/orders")).tags())
                .isEqualTo(Map.of("b", "2"));

        assertThatThrownBy(() -> glue.getTags(r -> r.resourceArn(prefix + "database/nosuch")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.tagResource(r -> r.resourceArn(prefix + "crawler/nosuch")
                .tagsToAdd(Map.of("a", "1")))).isInstanceOf(EntityNotFoundException.class);

        // A table dropped and made again starts without its predecessor's tags.
        glue.deleteTable(r -> r.databaseName("tagged").name("orders"));
        glue.createTable(r -> r.databaseName("tagged").tableInput(table("orders", "again")));
        assertThat(glue.getTags(r -> r.resourceArn(prefix + "table/tagged/orders")).tags()).isEmpty();

        TaggableResources taggable = emulator.taggableResources().stream()
                .filter(t -> t.arnServices().contains("glue")).findFirst().orElseThrow();
        taggable.tag(prefix + "table/tagged/orders", Map.of("via", "rgt"));
        assertThat(glue.getTags(r -> r.resourceArn(prefix + "table/tagged/orders")).tags())
                .isEqualTo(Map.of("via", "rgt"));
        assertThat(taggable.taggedResources(emulator.getRegion()))
                .contains(new TaggableResources.TaggedResource(prefix + "database/tagged", Map.of("team", "data")),
                        new TaggableResources.TaggedResource(prefix + "table/tagged/orders", Map.of("via", "rgt")));
        taggable.untag(prefix + "database/tagged", List.of("team"));
        assertThat(glue.getTags(r -> r.resourceArn(prefix + "database/tagged")).tags()).isEmpty();
    }
}
