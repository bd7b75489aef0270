#!/usr/bin/env python3
"""Firehose UpdateDestination, tags and BucketARN checks through boto3, printed as one JSON document for
FirehoseByExternalClientsTest to check. Usage: firehose_by_boto3.py ENDPOINT"""
import json
import sys
import time

import boto3

fh = boto3.client("firehose", endpoint_url=sys.argv[1], region_name="us-east-1")
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
ROLE = "arn:aws:iam::000000000000:role/firehose"
out = {}


def error(call, **kwargs):
    try:
        call(**kwargs)
        return None
    except fh.exceptions.ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}


def active(name):
    for _ in range(100):
        description = fh.describe_delivery_stream(DeliveryStreamName=name)["DeliveryStreamDescription"]
        if description["DeliveryStreamStatus"] == "ACTIVE":
            return description
        time.sleep(0.1)
    raise SystemExit("stream " + name + " never became ACTIVE")


for bucket in ("boto-before", "boto-after"):
    s3.create_bucket(Bucket=bucket)
out["bad_create"] = [error(fh.create_delivery_stream, DeliveryStreamName="boto-bad",
                           S3DestinationConfiguration={"RoleARN": ROLE, "BucketARN": arn})
                     for arn in ("my-bucket/path", "arn:aws:s3:::bad*bucket")]
out["streams_after_bad"] = fh.list_delivery_streams()["DeliveryStreamNames"]

fh.create_delivery_stream(DeliveryStreamName="boto-moving", Tags=[{"Key": "team", "Value": "data"}],
                          ExtendedS3DestinationConfiguration={"RoleARN": ROLE, "BucketARN": "arn:aws:s3:::boto-before",
                                                              "Prefix": "before/"})
description = active("boto-moving")
destination = description["Destinations"][0]["DestinationId"]
out["stale"] = error(fh.update_destination, DeliveryStreamName="boto-moving", CurrentDeliveryStreamVersionId="5",
                     DestinationId=destination,
                     ExtendedS3DestinationUpdate={"BucketARN": "arn:aws:s3:::boto-after"})
out["bad_update"] = error(fh.update_destination, DeliveryStreamName="boto-moving",
                          CurrentDeliveryStreamVersionId=description["VersionId"], DestinationId=destination,
                          ExtendedS3DestinationUpdate={"BucketARN": "arn:aws:s3:::boto-after/object"})
fh.update_destination(DeliveryStreamName="boto-moving", CurrentDeliveryStreamVersionId=description["VersionId"],
                      DestinationId=destination,
                      ExtendedS3DestinationUpdate={"BucketARN": "arn:aws:s3:::boto-after",
                                                   "BufferingHints": {"IntervalInSeconds": 0}})
updated = fh.describe_delivery_stream(DeliveryStreamName="boto-moving")["DeliveryStreamDescription"]
extended = updated["Destinations"][0]["ExtendedS3DestinationDescription"]
out["version"] = updated["VersionId"]
out["bucket"] = extended["BucketARN"]
out["prefix"] = extended["Prefix"]
fh.put_record(DeliveryStreamName="boto-moving", Record={"Data": b"after the update\n"})
keys = []
for _ in range(100):
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="boto-after").get("Contents", [])]
    if keys:
        break
    time.sleep(0.1)
out["delivered"] = keys
out["before_bucket"] = [o["Key"] for o in s3.list_objects_v2(Bucket="boto-before").get("Contents", [])]

fh.tag_delivery_stream(DeliveryStreamName="boto-moving", Tags=[{"Key": "stage", "Value": "dev"}])
fh.untag_delivery_stream(DeliveryStreamName="boto-moving", TagKeys=["team"])
out["tags"] = fh.list_tags_for_delivery_stream(DeliveryStreamName="boto-moving")["Tags"]
print(json.dumps(out))
