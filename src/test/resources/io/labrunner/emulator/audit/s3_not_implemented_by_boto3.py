"""Calls S3 operations the emulator does not serve through boto3 and prints what each answered, as JSON:
{"<Operation>": {"code", "status", "message"}, ..., "content": the kept object's body afterwards}.

Usage: s3_not_implemented_by_boto3.py ENDPOINT BUCKET KEY
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, bucket, key = sys.argv[1:4]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                  config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
calls = {
    "PutBucketIntelligentTieringConfiguration": lambda: s3.put_bucket_intelligent_tiering_configuration(
        Bucket=bucket, Id="archive", IntelligentTieringConfiguration={
            "Id": "archive", "Status": "Enabled",
            "Tierings": [{"Days": 90, "AccessTier": "ARCHIVE_ACCESS"}]}),
    "PutBucketAbac": lambda: s3.put_bucket_abac(Bucket=bucket, AbacStatus={"Status": "Enabled"}),
    "CreateSession": lambda: s3.create_session(Bucket=bucket),
    "UpdateBucketMetadataJournalTableConfiguration":
        lambda: s3.update_bucket_metadata_journal_table_configuration(
            Bucket=bucket, JournalTableConfiguration={"RecordExpiration": {"Expiration": "DISABLED"}}),
    "PutObjectRetention": lambda: s3.put_object_retention(
        Bucket=bucket, Key=key, Retention={"Mode": "GOVERNANCE", "RetainUntilDate": "2030-01-01T00:00:00Z"}),
}
seen = {}
for name, call in calls.items():
    try:
        call()
        seen[name] = {"code": "none", "status": 200, "message": ""}
    except ClientError as e:
        seen[name] = {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message", ""),
                      "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
seen["content"] = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
print(json.dumps(seen))
