"""S3 behaviours boto3 users meet where S3Proxy differs from S3: conditional-header precedence (RFC 7232), canned
ACL validation, ListBuckets' BucketRegion and BucketArn, Content-Encoding sent on two header lines. Prints what it
saw as one JSON object.

Usage: s3_conformance_by_boto3.py ENDPOINT
"""
import datetime
import http.client
import json
import sys
import urllib.parse

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                  config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))


def status(call):
    try:
        return call()["ResponseMetadata"]["HTTPStatusCode"]
    except ClientError as e:
        return [e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"]]


bucket = "boto3-conformance"
s3.create_bucket(Bucket=bucket)
etag = s3.put_object(Bucket=bucket, Key="k", Body=b"hello")["ETag"]
past = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
future = datetime.datetime(2100, 1, 1, tzinfo=datetime.timezone.utc)
seen = {
    "get_if_match_and_unmodified_false": status(lambda: s3.get_object(
        Bucket=bucket, Key="k", IfMatch=etag, IfUnmodifiedSince=past)),
    "head_if_match_and_unmodified_false": status(lambda: s3.head_object(
        Bucket=bucket, Key="k", IfMatch=etag, IfUnmodifiedSince=past)),
    "get_if_match_wrong": status(lambda: s3.get_object(Bucket=bucket, Key="k", IfMatch='"nope"')),
    "get_if_none_match_true_and_modified_false": status(lambda: s3.get_object(
        Bucket=bucket, Key="k", IfNoneMatch='"other"', IfModifiedSince=future)),
    "get_if_none_match_false_and_modified_true": status(lambda: s3.get_object(
        Bucket=bucket, Key="k", IfNoneMatch=etag, IfModifiedSince=past)),
    "copy_if_match_and_unmodified_false": status(lambda: s3.copy_object(
        Bucket=bucket, Key="copy1", CopySource={"Bucket": bucket, "Key": "k"}, CopySourceIfMatch=etag,
        CopySourceIfUnmodifiedSince=past)),
    "copy_if_none_match_false_and_modified_true": status(lambda: s3.copy_object(
        Bucket=bucket, Key="copy2", CopySource={"Bucket": bucket, "Key": "k"}, CopySourceIfNoneMatch=etag,
        CopySourceIfModifiedSince=past)),
    "invalid_acl": status(lambda: s3.put_object(Bucket=bucket, Key="acl", Body=b"x", ACL="bogus-acl")),
}
seen["invalid_acl_stored"] = "Contents" in s3.list_objects_v2(Bucket=bucket, Prefix="acl")
listed = [b for b in s3.list_buckets()["Buckets"] if b["Name"] == bucket][0]
seen["bucket_arn"] = listed.get("BucketArn")
seen["bucket_region"] = listed.get("BucketRegion")

# Content-Encoding on two header lines; the signature leaves it unsigned, as SigV4 allows.
url = urllib.parse.urlsplit(endpoint)
path = f"/{bucket}/encoded"
request = AWSRequest(method="PUT", url=f"{endpoint}{path}", data=b"abc",
                     headers={"x-amz-content-sha256": "UNSIGNED-PAYLOAD"})
SigV4Auth(Credentials("test", "test"), "s3", "us-east-1").add_auth(request)
connection = http.client.HTTPConnection(url.hostname, url.port)
connection.putrequest("PUT", path, skip_host=True, skip_accept_encoding=True)
connection.putheader("Host", url.netloc)
for name, value in request.headers.items():
    connection.putheader(name, value)
connection.putheader("Content-Encoding", "gzip")
connection.putheader("Content-Encoding", "br")
connection.putheader("Content-Length", "3")
connection.endheaders(b"abc")
seen["two_line_put"] = connection.getresponse().status
seen["content_encoding"] = s3.head_object(Bucket=bucket, Key="encoded").get("ContentEncoding")
print(json.dumps(seen))
