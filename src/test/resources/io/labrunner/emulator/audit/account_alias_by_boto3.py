"""IAM account aliases through boto3: one per account, a second refused, a wrong delete refused.

Usage: account_alias_by_boto3.py ENDPOINT. Prints one JSON object with what happened.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test")


def error(call):
    try:
        call()
        return None
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}


out = {}
iam.create_account_alias(AccountAlias="my-lab")
out["listed"] = iam.list_account_aliases()["AccountAliases"]
out["second"] = error(lambda: iam.create_account_alias(AccountAlias="other-lab"))
out["wrongDelete"] = error(lambda: iam.delete_account_alias(AccountAlias="other-lab"))
iam.delete_account_alias(AccountAlias="my-lab")
out["afterDelete"] = iam.list_account_aliases()["AccountAliases"]
print(json.dumps(out))
