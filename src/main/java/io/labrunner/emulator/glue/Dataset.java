package io.labrunner.emulator.glue;

import java.util.List;
import java.util.Map;

/**
 * One table a crawl found: a folder whose files share a schema, with partitions from its subfolders.
 *
 * @param folderName    the folder's name (the bucket's for a bucket root), before table-name rules
 * @param location      {@code s3://bucket/path/} with a trailing slash, as Glue writes it
 * @param schema        the merged schema of all its files
 * @param partitionKeys partition key names, outermost first
 * @param partitions    partition values to the partition's location and merged schema
 */
record Dataset(
        String folderName,
        String location,
        FileSchema schema,
        int objectCount,
        List<String> partitionKeys,
        Map<List<String>, PartitionData> partitions) {

    /** One partition's folder and the merged schema of its files. */
    record PartitionData(String location, FileSchema schema, int objectCount) {
    }
}
