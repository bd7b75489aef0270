package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.AccessRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What IAM authorizes for Glue's operations: Data Catalog operations act on the catalog, the database and, for
 * tables and partitions, the table, and each must be allowed (a GetTable needs {@code catalog},
 * {@code database/db} and {@code table/db/name}); crawler operations act on the crawler; CreateCrawler and
 * UpdateCrawler pass the crawler's role ({@code iam:PassRole}); user-defined functions are
 * {@code userDefinedFunction/db/name}; the tagging operations act on the ARN they name.
 * https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
 */
final class GlueAccess {
    private static final String GLUE = "glue.amazonaws.com";

    private GlueAccess() {
    }

    static List<AccessRequest> of(AwsRequest request) {
        String operation = request.operation().orElse("");
        String action = "glue:" + operation;
        JsonNode in = AccessRequests.jsonBody(request);
        String account = AccessRequests.text(in, IamDirectory.ACCOUNT_ID, "CatalogId");
        String catalog = AccessRequests.arn("glue", request, account, "catalog");
        String database = name(AccessRequests.text(in, "*", "DatabaseName"));
        String table = name(AccessRequests.text(in, "*", "TableName"));
        switch (operation) {
            case "CreateDatabase":
                return AccessRequests.on(action, catalog, databaseArn(request, account,
                        name(AccessRequests.text(in, "*", "DatabaseInput", "Name"))));
            case "GetDatabase", "UpdateDatabase", "DeleteDatabase": {
                String db = name(AccessRequests.text(in, "*", "Name"));
                List<AccessRequest> out = AccessRequests.on(action, catalog, databaseArn(request, account, db));
                if (operation.equals("DeleteDatabase")) {
                    // Deleting a database deletes its tables.
                    out.addAll(AccessRequests.on(action, tableArn(request, account, db, "*")));
                }
                return out;
            }
            case "GetDatabases":
                return AccessRequests.on(action, catalog, databaseArn(request, account, "*"));
            case "CreateTable", "UpdateTable":
                return AccessRequests.on(action, catalog, databaseArn(request, account, database),
                        tableArn(request, account, database, name(AccessRequests.text(in, "*", "TableInput", "Name"))));
            case "GetTable", "DeleteTable":
                return AccessRequests.on(action, catalog, databaseArn(request, account, database),
                        tableArn(request, account, database, name(AccessRequests.text(in, "*", "Name"))));
            case "GetTables":
                return AccessRequests.on(action, catalog, databaseArn(request, account, database),
                        tableArn(request, account, database, "*"));
            case "BatchDeleteTable": {
                List<AccessRequest> out = AccessRequests.on(action, catalog, databaseArn(request, account, database));
                for (JsonNode each : in.path("TablesToDelete")) {
                    out.addAll(AccessRequests.on(action, tableArn(request, account, database, name(each.asText("*")))));
                }
                return out;
            }
            case "CreatePartition", "BatchCreatePartition", "GetPartition", "GetPartitions", "BatchGetPartition",
                    "UpdatePartition", "DeletePartition", "BatchDeletePartition":
                return AccessRequests.on(action, catalog, databaseArn(request, account, database),
                        tableArn(request, account, database, table));
            case "GetTableVersions", "GetTableVersion", "DeleteTableVersion", "BatchDeleteTableVersion":
                return AccessRequests.on(action, catalog, databaseArn(request, account, database),
                        tableArn(request, account, database, table));
            case "CreateUserDefinedFunction", "GetUserDefinedFunction", "UpdateUserDefinedFunction",
                    "DeleteUserDefinedFunction", "GetUserDefinedFunctions": {
                String function = operation.equals("GetUserDefinedFunctions") ? "*"
                        : operation.equals("CreateUserDefinedFunction")
                        ? AccessRequests.text(in, "*", "FunctionInput", "FunctionName")
                        : AccessRequests.text(in, "*", "FunctionName");
                return AccessRequests.on(action, catalog, databaseArn(request, account, database),
                        AccessRequests.arn("glue", request, account,
                                "userDefinedFunction/" + database + "/" + name(function)));
            }
            case "TagResource", "UntagResource", "GetTags":
                return AccessRequests.on(action, AccessRequests.text(in, "*", "ResourceArn"));
            case "CreateCrawler", "UpdateCrawler": {
                List<AccessRequest> out = new ArrayList<>(AccessRequests.on(action, crawlerArn(request, in)));
                String role = AccessRequests.text(in, null, "Role");
                if (role != null) {
                    out.add(AccessRequests.passRole(role, IamDirectory.ACCOUNT_ID, GLUE));
                }
                return out;
            }
            case "GetCrawler", "StartCrawler", "StopCrawler", "DeleteCrawler":
                return AccessRequests.on(action, crawlerArn(request, in));
            default:
                return List.of();
        }
    }

    /** Glue keeps database and table names in lower case, and so do their ARNs. */
    private static String name(String given) {
        return given.toLowerCase(Locale.ROOT);
    }

    private static String databaseArn(AwsRequest request, String account, String database) {
        return AccessRequests.arn("glue", request, account, "database/" + database);
    }

    private static String tableArn(AwsRequest request, String account, String database, String table) {
        return AccessRequests.arn("glue", request, account, "table/" + database + "/" + table);
    }

    private static String crawlerArn(AwsRequest request, JsonNode in) {
        return AccessRequests.arn("glue", request, IamDirectory.ACCOUNT_ID,
                "crawler/" + AccessRequests.text(in, "*", "Name"));
    }
}
