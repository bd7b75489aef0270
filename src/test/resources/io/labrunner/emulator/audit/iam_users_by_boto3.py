"""IAM users and access keys through boto3: a missing user, a created key signing as its user, a session token.

Usage: iam_users_by_boto3.py ENDPOINT. Prints one JSON object with what happened; never a secret.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1")
out = {}
try:
    iam.get_user(UserName="nobody")
    out["missing"] = None
except ClientError as e:
    out["missing"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                      "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
iam.create_user(UserName="py-user")
key = iam.create_access_key(UserName="py-user")["AccessKey"]
as_user = boto3.Session(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"],
                        region_name="us-east-1")
out["callerArn"] = as_user.client("sts", endpoint_url=endpoint).get_caller_identity()["Arn"]
out["selfName"] = as_user.client("iam", endpoint_url=endpoint).get_user()["User"]["UserName"]
token = as_user.client("sts", endpoint_url=endpoint).get_session_token(DurationSeconds=900)["Credentials"]
out["sessionKeyPrefix"] = token["AccessKeyId"][:4]
try:
    iam.delete_user(UserName="py-user")
    out["deleteConflict"] = None
except ClientError as e:
    out["deleteConflict"] = e.response["Error"]["Code"]
print(json.dumps(out))
