package io.labrunner.emulator.bedrock.text;

import java.util.List;

/** A small knowledge base about AWS services, as a retrieval step would put it into a prompt. */
final class AwsPassages {
    static final List<String> PASSAGES = List.of(
            "Amazon S3 stores data as objects inside buckets. An individual Amazon S3 object can be up to 5 TB in size.",
            "Amazon Kinesis Data Streams divides a stream into shards. Each shard supports writes of up to 1 MB per second "
                    + "or 1,000 records per second.",
            "Kinesis stores records for 24 hours by default, extendable up to 365 days.",
            "AWS Glue crawlers infer schemas and write table definitions to the Glue Data Catalog.",
            "Amazon Athena bills queries by the amount of data scanned, at 5 US dollars per terabyte.",
            "Amazon Data Firehose buffers incoming records before delivering them to destinations such as S3. "
                    + "The default Firehose buffer interval is 300 seconds.",
            "Amazon Bedrock Guardrails can block denied topics and mask personally identifiable information.",
            "The support team can be reached at help@example.com on weekdays.");

    private AwsPassages() {
    }

    /** The passages in {@code <document>} tags inside one {@code <context>} block. */
    static String tagged() {
        StringBuilder context = new StringBuilder("<context>\n");
        for (int i = 0; i < PASSAGES.size(); i++) {
            context.append("<document index=\"").append(i + 1).append("\">").append(PASSAGES.get(i)).append("</document>\n");
        }
        return context.append("</context>").toString();
    }

    /** The passages as a numbered list under a "Context:" heading. */
    static String headed() {
        StringBuilder context = new StringBuilder("Context:\n");
        for (int i = 0; i < PASSAGES.size(); i++) {
            context.append('[').append(i + 1).append("] ").append(PASSAGES.get(i)).append('\n');
        }
        return context.toString();
    }
}
