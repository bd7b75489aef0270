"""Step Functions on the emulator through boto3 alone: a role, a state machine whose task writes to S3, an
execution watched to its end and its history, an Express machine run with start_sync_execution, and requests
AWS refuses.

Usage: stepfunctions_by_boto3.py ENDPOINT
Prints one JSON object of what it saw; the Java test judges it.
"""
import json
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
config = Config(retries={"max_attempts": 1})
# StartSyncExecution's model sends it to sync-<host>; against one local endpoint the prefix is turned off.
sync_config = Config(retries={"max_attempts": 1}, inject_host_prefix=False)
iam = boto3.client("iam", endpoint_url=ENDPOINT, config=config)
s3 = boto3.client("s3", endpoint_url=ENDPOINT, config=config)
sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, config=config)
sfn_sync = boto3.client("stepfunctions", endpoint_url=ENDPOINT, config=sync_config)
seen = {}

TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"},
                                                  "Action": "sts:AssumeRole"}]}
role = iam.create_role(RoleName="boto3-states", AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"]
s3.create_bucket(Bucket="boto3-states")

definition = {
    "StartAt": "Greet",
    "States": {
        "Greet": {"Type": "Pass", "Parameters": {"text.$": "States.Format('hello {}', $.who)"}, "Next": "Save"},
        "Save": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject",
                 "Parameters": {"Bucket": "boto3-states", "Key": "greeting.txt", "Body.$": "$.text"},
                 "ResultSelector": {"etag.$": "$.ETag"}, "End": True},
    },
}
machine = sfn.create_state_machine(name="boto3-greeter", definition=json.dumps(definition), roleArn=role)
seen["machineArn"] = machine["stateMachineArn"]
seen["creationDateType"] = type(machine["creationDate"]).__name__
started = sfn.start_execution(stateMachineArn=machine["stateMachineArn"], name="first",
                              input=json.dumps({"who": "boto3"}))
seen["executionArn"] = started["executionArn"]
for _ in range(500):
    execution = sfn.describe_execution(executionArn=started["executionArn"])
    if execution["status"] != "RUNNING":
        break
    time.sleep(0.02)
seen["status"] = execution["status"]
seen["output"] = json.loads(execution["output"])
seen["object"] = s3.get_object(Bucket="boto3-states", Key="greeting.txt")["Body"].read().decode()
history = sfn.get_execution_history(executionArn=started["executionArn"])["events"]
seen["history"] = [event["type"] for event in history]
seen["taskSucceededOutput"] = json.loads(next(e for e in history if e["type"] == "TaskSucceeded")
                                         ["taskSucceededEventDetails"]["output"])
seen["listed"] = [e["name"] for e in sfn.list_executions(stateMachineArn=machine["stateMachineArn"])["executions"]]

express = sfn.create_state_machine(name="boto3-express", type="EXPRESS", roleArn=role,
                                   definition=json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass",
                                                                                           "End": True}}}))
synced = sfn_sync.start_sync_execution(stateMachineArn=express["stateMachineArn"], input='{"n": 1}')
seen["sync"] = {"status": synced["status"], "output": synced["output"]}

refused = {}
try:
    sfn.create_state_machine(name="boto3-bad", roleArn=role,
                             definition=json.dumps({"StartAt": "Nowhere", "States": {"A": {"Type": "Succeed"}}}))
except ClientError as e:
    refused["badDefinition"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}
try:
    sfn.describe_execution(executionArn=started["executionArn"] + "-missing")
except ClientError as e:
    refused["missingExecution"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}
seen["refused"] = refused
print(json.dumps(seen))
