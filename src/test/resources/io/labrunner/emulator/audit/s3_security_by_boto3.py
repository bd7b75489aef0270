"""S3 security as a learner's boto3 code meets it: a bucket policy that denies unencrypted uploads and one that
denies non-TLS access, bucket default SSE-KMS, Block Public Access, and what HEAD reports. Prints what it saw
as one JSON object.

usage: s3_security_by_boto3.py ENDPOINT_URL KMS_KEY_ARN   (the key has the alias alias/lab-data)
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint_url, key_arn = sys.argv[1], sys.argv[2]
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
s3 = session.client("s3", endpoint_url=endpoint_url)
seen = {}


def error_of(call):
    try:
        call()
        return None
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


s3.create_bucket(Bucket="boto3-data")
seen["blockPublicAccess"] = s3.get_public_access_block(Bucket="boto3-data")["PublicAccessBlockConfiguration"]
seen["defaultEncryption"] = s3.get_bucket_encryption(Bucket="boto3-data")[
    "ServerSideEncryptionConfiguration"]["Rules"][0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"]
s3.put_bucket_policy(Bucket="boto3-data", Policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Sid": "DenyUnencrypted", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
                   "Resource": "arn:aws:s3:::boto3-data/*",
                   "Condition": {"StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}}]}))
seen["plainPut"] = error_of(lambda: s3.put_object(Bucket="boto3-data", Key="plain.csv", Body=b"a,b\n"))
put = s3.put_object(Bucket="boto3-data", Key="train.csv", Body=b"a,b\n", ServerSideEncryption="aws:kms",
                    SSEKMSKeyId="alias/lab-data")
seen["putSse"] = put["ServerSideEncryption"]
seen["putKey"] = put["SSEKMSKeyId"]
head = s3.head_object(Bucket="boto3-data", Key="train.csv")
seen["headSse"] = head["ServerSideEncryption"]
seen["headKey"] = head["SSEKMSKeyId"]
seen["missingKey"] = error_of(lambda: s3.put_object(Bucket="boto3-data", Key="x.csv", Body=b"x",
                                                    ServerSideEncryption="aws:kms", SSEKMSKeyId="alias/nope"))
seen["publicPolicy"] = error_of(lambda: s3.put_bucket_policy(Bucket="boto3-data", Policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                   "Resource": "arn:aws:s3:::boto3-data/*"}]})))
s3.put_bucket_policy(Bucket="boto3-data", Policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Sid": "DenyHttp", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                   "Resource": ["arn:aws:s3:::boto3-data", "arn:aws:s3:::boto3-data/*"],
                   "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}))
seen["httpGet"] = error_of(lambda: s3.get_object(Bucket="boto3-data", Key="train.csv"))
s3.delete_bucket_policy(Bucket="boto3-data")
s3.put_bucket_encryption(Bucket="boto3-data", ServerSideEncryptionConfiguration={"Rules": [{
    "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key_arn},
    "BucketKeyEnabled": True}]})
default_put = s3.put_object(Bucket="boto3-data", Key="default.csv", Body=b"d")
seen["defaultPutKey"] = default_put["SSEKMSKeyId"]
seen["defaultPutBucketKey"] = default_put.get("BucketKeyEnabled")
print(json.dumps(seen))
