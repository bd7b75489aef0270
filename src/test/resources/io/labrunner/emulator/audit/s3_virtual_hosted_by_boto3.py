"""Drives S3 with boto3 addressing buckets virtual-hosted style (bucket.localhost:PORT, bucket.s3.localhost:PORT,
bucket.s3.REGION.localhost:PORT), signed with SigV4 and with SigV2, and presigned URLs in both styles; prints what
it saw as one JSON object.

*.localhost is loopback (RFC 6761) but not every resolver knows it: names under it are resolved here to 127.0.0.1.

Usage: s3_virtual_hosted_by_boto3.py PORT
"""
import json
import socket
import sys
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

_getaddrinfo = socket.getaddrinfo


def _loopback_localhost(host, *args, **kwargs):
    if isinstance(host, str) and (host == "localhost" or host.endswith(".localhost")):
        host = "127.0.0.1"
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _loopback_localhost

port = sys.argv[1]


def client(host, style, signature="s3v4"):
    return boto3.client("s3", endpoint_url=f"http://{host}:{port}", region_name="us-east-1",
                        config=Config(signature_version=signature, s3={"addressing_style": style},
                                      retries={"max_attempts": 1}))


def fetch(url, data=None, method="GET"):
    request = urllib.request.Request(url, data=data, method=method)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


seen = {}
s3 = client("localhost", "virtual")
bucket = "boto3-vhost"
s3.create_bucket(Bucket=bucket)
s3.put_object(Bucket=bucket, Key="data/one.csv", Body=b"a,b\n1,2\n")
seen["get"] = s3.get_object(Bucket=bucket, Key="data/one.csv")["Body"].read().decode()
seen["list"] = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
s3.copy_object(Bucket=bucket, Key="data/two.csv", CopySource={"Bucket": bucket, "Key": "data/one.csv"})
seen["head_copy"] = s3.head_object(Bucket=bucket, Key="data/two.csv")["ContentLength"]
s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={
    "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
seen["encryption"] = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"][0][
    "ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"]
seen["regional_get"] = client("s3.us-east-1.localhost", "virtual").get_object(
    Bucket=bucket, Key="data/two.csv")["Body"].read().decode()
seen["s3_host_list"] = len(client("s3.localhost", "virtual").list_objects(Bucket=bucket)["Contents"])
seen["sigv2_get"] = client("localhost", "virtual", "s3").get_object(
    Bucket=bucket, Key="data/one.csv")["Body"].read().decode()
try:
    boto3.client("s3", endpoint_url=f"http://localhost:{port}", region_name="us-east-1",
                 aws_secret_access_key="wrong", aws_access_key_id="test",
                 config=Config(signature_version="s3", s3={"addressing_style": "virtual"})).get_object(
        Bucket=bucket, Key="data/one.csv")
    seen["sigv2_wrong_secret"] = "accepted"
except ClientError as e:
    seen["sigv2_wrong_secret"] = e.response["Error"]["Code"]

for style in ("virtual", "path"):
    signer = client("localhost", style)
    url = signer.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "data/one.csv"},
                                        ExpiresIn=300)
    put = signer.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": f"up/{style}.txt"},
                                        ExpiresIn=300)
    seen[f"presigned_{style}_host"] = urllib.parse.urlsplit(url).hostname
    seen[f"presigned_{style}_get"] = fetch(url)
    seen[f"presigned_{style}_put"] = fetch(put, data=style.encode(), method="PUT")[0]
    seen[f"presigned_{style}_tampered"] = fetch(url.replace("one.csv", "two.csv"))[0]
seen["uploaded"] = sorted(o["Key"] for o in s3.list_objects_v2(Bucket=bucket, Prefix="up/")["Contents"])

s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in
                                                     ["data/one.csv", "data/two.csv", "up/virtual.txt", "up/path.txt"]]})
s3.delete_bucket(Bucket=bucket)
seen["after_delete"] = bucket in [b["Name"] for b in client("localhost", "path").list_buckets()["Buckets"]]
print(json.dumps(seen))
