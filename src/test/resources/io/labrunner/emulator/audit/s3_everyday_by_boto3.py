"""S3's everyday bucket and object operations as boto3 code meets them: versioning and delete markers, object and
bucket tags, a bucket's region, CORS rules with a browser's preflight and a presigned upload from a page. Prints
what it saw as one JSON object.

usage: s3_everyday_by_boto3.py ENDPOINT_URL
"""
import json
import sys
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint_url = sys.argv[1]


def client(region):
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name=region)
    return session.client("s3", endpoint_url=endpoint_url, config=Config(signature_version="s3v4"))


def error_of(call):
    try:
        call()
        return None
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message"),
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
                "deleteMarker": e.response["ResponseMetadata"]["HTTPHeaders"].get("x-amz-delete-marker")}


def http(method, url, headers, body=None):
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return {"status": response.status, "headers": {k.lower(): v for k, v in response.getheaders()}}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "headers": {k.lower(): v for k, v in e.headers.items()},
                "body": e.read().decode()}


s3 = client("us-east-1")
seen = {}

# Versioning
s3.create_bucket(Bucket="boto3-versions")
seen["versioningBefore"] = s3.get_bucket_versioning(Bucket="boto3-versions").get("Status")
s3.put_bucket_versioning(Bucket="boto3-versions", VersioningConfiguration={"Status": "Enabled"})
seen["versioningAfter"] = s3.get_bucket_versioning(Bucket="boto3-versions").get("Status")
first = s3.put_object(Bucket="boto3-versions", Key="model.bin", Body=b"one")["VersionId"]
second = s3.put_object(Bucket="boto3-versions", Key="model.bin", Body=b"two")["VersionId"]
seen["firstBody"] = s3.get_object(Bucket="boto3-versions", Key="model.bin", VersionId=first)["Body"].read().decode()
deleted = s3.delete_object(Bucket="boto3-versions", Key="model.bin")
seen["deleteMarker"] = deleted.get("DeleteMarker")
seen["getDeleted"] = error_of(lambda: s3.get_object(Bucket="boto3-versions", Key="model.bin"))
seen["getMarker"] = error_of(lambda: s3.get_object(Bucket="boto3-versions", Key="model.bin",
                                                   VersionId=deleted["VersionId"]))
versions = s3.list_object_versions(Bucket="boto3-versions")
seen["versions"] = [[v["VersionId"] == first, v["VersionId"] == second, v["IsLatest"]]
                    for v in versions.get("Versions", [])]
seen["markers"] = [[m["VersionId"] == deleted["VersionId"], m["IsLatest"]] for m in versions.get("DeleteMarkers", [])]
seen["deleteVersionedBucket"] = error_of(lambda: s3.delete_bucket(Bucket="boto3-versions"))

# Object and bucket tags
s3.create_bucket(Bucket="boto3-tags")
s3.put_object(Bucket="boto3-tags", Key="raw.csv", Body=b"a,b\n", Tagging="stage=raw&owner=data%20team")
seen["objectTags"] = s3.get_object_tagging(Bucket="boto3-tags", Key="raw.csv")["TagSet"]
seen["tagCount"] = s3.head_object(Bucket="boto3-tags", Key="raw.csv").get("TagCount")
s3.copy_object(Bucket="boto3-tags", Key="copy.csv", CopySource={"Bucket": "boto3-tags", "Key": "raw.csv"})
seen["copiedTags"] = s3.get_object_tagging(Bucket="boto3-tags", Key="copy.csv")["TagSet"]
seen["elevenTags"] = error_of(lambda: s3.put_object_tagging(
    Bucket="boto3-tags", Key="raw.csv", Tagging={"TagSet": [{"Key": "k%d" % i, "Value": "v"} for i in range(11)]}))
seen["longValue"] = error_of(lambda: s3.put_object_tagging(
    Bucket="boto3-tags", Key="raw.csv", Tagging={"TagSet": [{"Key": "k", "Value": "v" * 257}]}))
s3.delete_object_tagging(Bucket="boto3-tags", Key="raw.csv")
seen["tagsAfterDelete"] = s3.get_object_tagging(Bucket="boto3-tags", Key="raw.csv")["TagSet"]
seen["noBucketTags"] = error_of(lambda: s3.get_bucket_tagging(Bucket="boto3-tags"))
s3.put_bucket_tagging(Bucket="boto3-tags", Tagging={"TagSet": [{"Key": "lab:run-id", "Value": "r1"}]})
seen["bucketTags"] = s3.get_bucket_tagging(Bucket="boto3-tags")["TagSet"]

# Regions
frankfurt = client("eu-central-1")
seen["unspecified"] = error_of(lambda: frankfurt.create_bucket(Bucket="boto3-frankfurt"))
frankfurt.create_bucket(Bucket="boto3-frankfurt",
                        CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
seen["location"] = s3.get_bucket_location(Bucket="boto3-frankfurt")["LocationConstraint"]
seen["usLocation"] = s3.get_bucket_location(Bucket="boto3-tags")["LocationConstraint"]
seen["headRegion"] = frankfurt.head_bucket(Bucket="boto3-frankfurt")["ResponseMetadata"]["HTTPHeaders"].get(
    "x-amz-bucket-region")
seen["recreateUsEast1"] = s3.create_bucket(Bucket="boto3-tags")["ResponseMetadata"]["HTTPStatusCode"]
seen["recreateFrankfurt"] = error_of(lambda: frankfurt.create_bucket(
    Bucket="boto3-frankfurt", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}))

# CORS, and a page uploading with a presigned URL
seen["noCors"] = error_of(lambda: s3.get_bucket_cors(Bucket="boto3-tags"))
s3.put_bucket_cors(Bucket="boto3-tags", CORSConfiguration={"CORSRules": [{
    "AllowedOrigins": ["http://localhost:3000"], "AllowedMethods": ["PUT", "GET"], "AllowedHeaders": ["*"],
    "ExposeHeaders": ["ETag"], "MaxAgeSeconds": 600}]})
seen["cors"] = s3.get_bucket_cors(Bucket="boto3-tags")["CORSRules"]
object_url = endpoint_url + "/boto3-tags/upload.txt"
seen["preflight"] = http("OPTIONS", object_url, {"Origin": "http://localhost:3000",
                                                 "Access-Control-Request-Method": "PUT",
                                                 "Access-Control-Request-Headers": "content-type"})
seen["refusedPreflight"] = http("OPTIONS", object_url, {"Origin": "http://elsewhere.example",
                                                        "Access-Control-Request-Method": "PUT"})
presigned = s3.generate_presigned_url("put_object", Params={"Bucket": "boto3-tags", "Key": "upload.txt"})
seen["pageUpload"] = http("PUT", presigned, {"Origin": "http://localhost:3000"}, b"from the page")
seen["uploaded"] = s3.get_object(Bucket="boto3-tags", Key="upload.txt")["Body"].read().decode()

print(json.dumps(seen))
