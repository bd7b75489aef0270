#!/usr/bin/env python3
"""Glue table versions, user-defined functions, a refused rename and tags through boto3, printed as one JSON
document for GlueCatalogByExternalClientsTest to check. Usage: glue_catalog_by_boto3.py ENDPOINT REGION"""
import json
import sys

import boto3

endpoint, region = sys.argv[1], sys.argv[2]
glue = boto3.client("glue", endpoint_url=endpoint, region_name=region)
out = {}


def error(call, **kwargs):
    try:
        call(**kwargs)
        return None
    except glue.exceptions.ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


glue.create_database(DatabaseInput={"Name": "boto_catalog"}, Tags={"owner": "boto"})
glue.create_table(DatabaseName="boto_catalog", TableInput={"Name": "clicks", "Description": "first"})
for n in range(1, 4):
    glue.update_table(DatabaseName="boto_catalog", TableInput={"Name": "clicks", "Description": "update %d" % n})
pages = glue.get_paginator("get_table_versions").paginate(
    DatabaseName="boto_catalog", TableName="clicks", PaginationConfig={"PageSize": 3})
out["versions"] = [[v["VersionId"], v["Table"]["Description"]] for page in pages for v in page["TableVersions"]]
out["one"] = glue.get_table_version(DatabaseName="boto_catalog", TableName="clicks", VersionId="1")[
    "TableVersion"]["Table"]["Description"]
out["batch"] = glue.batch_delete_table_version(DatabaseName="boto_catalog", TableName="clicks",
                                               VersionIds=["0", "1", "9"])["Errors"]
out["after_batch"] = [v["VersionId"] for v in glue.get_table_versions(
    DatabaseName="boto_catalog", TableName="clicks")["TableVersions"]]
out["stale"] = error(glue.update_table, DatabaseName="boto_catalog", VersionId="0",
                     TableInput={"Name": "clicks", "Description": "stale"})

fn = {"FunctionName": "mask_email", "ClassName": "com.example.Mask", "OwnerName": "boto", "OwnerType": "USER",
      "ResourceUris": [{"ResourceType": "JAR", "Uri": "s3://jars/mask.jar"}]}
glue.create_user_defined_function(DatabaseName="boto_catalog", FunctionInput=fn)
out["duplicate_fn"] = error(glue.create_user_defined_function, DatabaseName="boto_catalog", FunctionInput=fn)
glue.update_user_defined_function(DatabaseName="boto_catalog", FunctionName="mask_email",
                                  FunctionInput=dict(fn, ClassName="com.example.Mask2"))
out["fn"] = glue.get_user_defined_function(DatabaseName="boto_catalog", FunctionName="mask_email")[
    "UserDefinedFunction"]["ClassName"]
out["fns"] = [f["FunctionName"] for f in glue.get_user_defined_functions(
    DatabaseName="boto_catalog", Pattern="mask.*")["UserDefinedFunctions"]]
glue.delete_user_defined_function(DatabaseName="boto_catalog", FunctionName="mask_email")
out["missing_fn"] = error(glue.get_user_defined_function, DatabaseName="boto_catalog", FunctionName="mask_email")

out["rename"] = error(glue.update_database, Name="boto_catalog", DatabaseInput={"Name": "boto_renamed"})

arn = "arn:aws:glue:%s:000000000000:database/boto_catalog" % region
glue.tag_resource(ResourceArn=arn, TagsToAdd={"stage": "dev"})
glue.untag_resource(ResourceArn=arn, TagsToRemove=["owner"])
out["tags"] = glue.get_tags(ResourceArn=arn)["Tags"]
out["unknown_arn"] = error(glue.get_tags, ResourceArn="arn:aws:glue:%s:000000000000:database/nope" % region)
print(json.dumps(out))
