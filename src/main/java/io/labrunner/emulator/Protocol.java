package io.labrunner.emulator;

/** The wire protocols AWS services speak; each has its own request and error shape. */
public enum Protocol {
    /** Form-encoded Action=... requests with XML responses (STS, IAM). */
    QUERY,
    /** POST with X-Amz-Target and a JSON body (Glue, Athena, Firehose; Kinesis also in CBOR). */
    JSON,
    /** REST paths with JSON bodies (Bedrock). */
    REST_JSON,
    /** REST paths with XML bodies (S3). */
    REST_XML
}
