"""Signs S3 requests with botocore's SigV2 (HmacV1) signer, and a Glue request with a SigV2 header,
and prints what the emulator answered to each as one JSON object.

Usage: sigv2_probe.py ENDPOINT BUCKET
"""
import json
import sys
import urllib.request

import boto3
from botocore.awsrequest import AWSRequest
from botocore.auth import HmacV1Auth
from botocore.config import Config
from botocore.credentials import Credentials

endpoint, bucket = sys.argv[1], sys.argv[2]


def s3(secret):
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key=secret,
                        config=Config(signature_version="s3", s3={"addressing_style": "path"},
                                      retries={"max_attempts": 1}))


def outcome(call):
    try:
        call()
        return "ok"
    except Exception as e:  # report the error code the service answered
        return getattr(e, "response", {}).get("Error", {}).get("Code", type(e).__name__)


def fetch(url, data=None, method="GET", headers=None):
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


report = {
    "put_right_secret": outcome(lambda: s3("test").put_object(Bucket=bucket, Key="v2/a b+c.txt", Body=b"v2")),
    "get_right_secret": outcome(lambda: s3("test").get_object(Bucket=bucket, Key="v2/a b+c.txt")["Body"].read()),
    "acl_right_secret": outcome(lambda: s3("test").get_object_acl(Bucket=bucket, Key="v2/a b+c.txt")),
    "put_wrong_secret": outcome(lambda: s3("wrong").put_object(Bucket=bucket, Key="v2/x.txt", Body=b"no")),
    "list_wrong_secret": outcome(lambda: s3("wrong").list_objects(Bucket=bucket)),
}
good = s3("test").generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "v2/a b+c.txt"})
bad = s3("wrong").generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "v2/a b+c.txt"})
report["presigned_url_is_sigv2"] = "AWSAccessKeyId=" in good
report["presigned_right_secret"] = fetch(good)
report["presigned_wrong_secret"] = fetch(bad)[0]

glue = AWSRequest(method="POST", url=endpoint + "/", data=b"{}",
                  headers={"X-Amz-Target": "AWSGlue.GetDatabases", "Content-Type": "application/x-amz-json-1.1"})
HmacV1Auth(Credentials("test", "test")).add_auth(glue)
status, body = fetch(glue.url, data=glue.body, method="POST", headers=dict(glue.headers.items()))
report["glue_sigv2"] = [status, json.loads(body).get("__type")]
print(json.dumps(report))
