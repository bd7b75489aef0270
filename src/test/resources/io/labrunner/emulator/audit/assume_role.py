"""AssumeRole through boto3, then the temporary credentials against Glue and an S3 presigned URL.

Usage: assume_role.py ENDPOINT ROLE_ARN BUCKET KEY. Prints one JSON object with what happened; never the
credentials themselves.
"""
import json
import re
import sys
import urllib.error
import urllib.request

import boto3
from botocore.exceptions import ClientError

endpoint, role_arn, bucket, key = sys.argv[1:5]
sts = boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1")
assumed = sts.assume_role(RoleArn=role_arn, RoleSessionName="boto3", DurationSeconds=900)
creds = assumed["Credentials"]
session = boto3.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                        aws_session_token=creds["SessionToken"], region_name="us-east-1")
out = {"assumedArn": assumed["AssumedRoleUser"]["Arn"], "keyPrefix": creds["AccessKeyId"][:4]}
out["callerArn"] = session.client("sts", endpoint_url=endpoint).get_caller_identity()["Arn"]
glue = session.client("glue", endpoint_url=endpoint)
out["allowedTable"] = glue.get_table(DatabaseName="sales", Name="orders")["Table"]["Name"]
try:
    glue.get_table(DatabaseName="sales", Name="salaries")
    out["denied"] = None
except ClientError as e:
    out["denied"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                     "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return {"status": response.status, "body": response.read().decode()}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "body": e.read().decode()}


s3 = session.client("s3", endpoint_url=endpoint)
url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=300)
out["presigned"] = fetch(url)
# Another token than the session's (the parameter is x-amz-security-token or X-Amz-Security-Token by signer).
out["presignedWithOtherToken"] = fetch(re.sub(r"(?i)(x-amz-security-token=)", r"\1x", url))
print(json.dumps(out))
