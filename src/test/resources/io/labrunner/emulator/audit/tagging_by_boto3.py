"""The Resource Groups Tagging API on the emulator through boto3 alone: resources tagged through Step Functions,
EventBridge, CloudWatch and SageMaker are found with get_resources' paginator, tagged and untagged with
tag_resources / untag_resources, and each service's own tag listing shows the change.

Usage: tagging_by_boto3.py ENDPOINT
Prints one JSON object of what it saw; the Java test judges it.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
config = Config(retries={"max_attempts": 1})
iam = boto3.client("iam", endpoint_url=ENDPOINT, config=config)
sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, config=config)
events = boto3.client("events", endpoint_url=ENDPOINT, config=config)
cloudwatch = boto3.client("cloudwatch", endpoint_url=ENDPOINT, config=config)
sagemaker = boto3.client("sagemaker", endpoint_url=ENDPOINT, config=config)
tagging = boto3.client("resourcegroupstaggingapi", endpoint_url=ENDPOINT, config=config)
seen = {}

TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"},
                                                  "Action": "sts:AssumeRole"}]}
RUN = [{"Key": "lab:run-id", "Value": "boto3"}]
role = iam.create_role(RoleName="boto3-tagging", AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"]
definition = {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": True}}}
machine = sfn.create_state_machine(name="boto3-tagged", definition=json.dumps(definition), roleArn=role,
                                   tags=[{"key": "lab:run-id", "value": "boto3"}])["stateMachineArn"]
rule = events.put_rule(Name="boto3-tagged", ScheduleExpression="rate(1 hour)", State="DISABLED",
                       Tags=RUN)["RuleArn"]
cloudwatch.put_metric_alarm(AlarmName="boto3-tagged", Namespace="Lab", MetricName="Errors", Statistic="Sum",
                            Period=60, EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanThreshold",
                            Tags=RUN)
alarm = cloudwatch.describe_alarms(AlarmNames=["boto3-tagged"])["MetricAlarms"][0]["AlarmArn"]
group = sagemaker.create_model_package_group(ModelPackageGroupName="boto3-tagged", Tags=RUN)["ModelPackageGroupArn"]
seen["created"] = {"machine": machine, "rule": rule, "alarm": alarm, "group": group}

found = []
pages = 0
for page in tagging.get_paginator("get_resources").paginate(
        TagFilters=[{"Key": "lab:run-id", "Values": ["boto3"]}], ResourcesPerPage=1):
    pages += 1
    found.extend(m["ResourceARN"] for m in page["ResourceTagMappingList"])
seen["found"] = found
seen["pages"] = pages
seen["byType"] = [m["ResourceARN"] for m in tagging.get_resources(
    ResourceTypeFilters=["states:stateMachine", "cloudwatch"])["ResourceTagMappingList"]]

failed = tagging.tag_resources(ResourceARNList=[machine, rule, alarm, group],
                               Tags={"owner": "boto3"})["FailedResourcesMap"]
seen["tagFailures"] = failed
seen["ownTags"] = {
    "machine": {t["key"]: t["value"] for t in sfn.list_tags_for_resource(resourceArn=machine)["tags"]},
    "rule": {t["Key"]: t["Value"] for t in events.list_tags_for_resource(ResourceARN=rule)["Tags"]},
    "alarm": {t["Key"]: t["Value"] for t in cloudwatch.list_tags_for_resource(ResourceARN=alarm)["Tags"]},
    "group": {t["Key"]: t["Value"] for t in sagemaker.list_tags(ResourceArn=group)["Tags"]},
}
seen["tagKeys"] = [k for page in tagging.get_paginator("get_tag_keys").paginate() for k in page["TagKeys"]]
seen["ownerValues"] = tagging.get_tag_values(Key="owner")["TagValues"]

seen["untagFailures"] = tagging.untag_resources(ResourceARNList=[machine, rule, alarm, group],
                                                TagKeys=["owner"])["FailedResourcesMap"]
seen["ownerAfterUntag"] = [m["ResourceARN"] for m in tagging.get_resources(
    TagFilters=[{"Key": "owner"}])["ResourceTagMappingList"]]
seen["ruleTagsAfterUntag"] = {t["Key"]: t["Value"] for t in events.list_tags_for_resource(ResourceARN=rule)["Tags"]}

try:
    tagging.get_resources(ResourceARNList=[machine], TagFilters=[{"Key": "lab:run-id"}])
    seen["combined"] = "accepted"
except ClientError as e:
    seen["combined"] = e.response["Error"]["Code"]

print(json.dumps(seen))
