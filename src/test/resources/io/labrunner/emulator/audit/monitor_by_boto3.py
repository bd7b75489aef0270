"""Model Monitor as a learner's notebook drives it with boto3 alone: a baseline processing job of the built-in
analyzer, captured records in the endpoint's capture folder, a NOW monitoring schedule, and the reports read
back from S3 with json. Prints what it saw as one JSON object.

usage: monitor_by_boto3.py ENDPOINT_URL
"""
import datetime
import json
import random
import sys
import time
import uuid

import boto3

endpoint_url = sys.argv[1]
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
s3 = session.client("s3", endpoint_url=endpoint_url)
sm = session.client("sagemaker", endpoint_url=endpoint_url)
ANALYZER = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"
ROLE = "arn:aws:iam::000000000000:role/SageMakerRole"

s3.create_bucket(Bucket="lab")
s3.create_bucket(Bucket="capture")
rng = random.Random(7)
rows = ["%d,%d,%.4f" % (rng.randint(0, 1), rng.randint(20, 60), rng.gauss(0, 1)) for _ in range(1000)]
s3.put_object(Bucket="lab", Key="train/train.csv", Body=("\n".join(rows) + "\n").encode())

sm.create_processing_job(
    ProcessingJobName="boto3-baseline",
    RoleArn=ROLE,
    AppSpecification={"ImageUri": ANALYZER},
    ProcessingResources={"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 20}},
    Environment={"dataset_format": json.dumps({"csv": {"header": False}}),
                 "dataset_source": "/opt/ml/processing/input/baseline_dataset_input",
                 "output_path": "/opt/ml/processing/output", "publish_cloudwatch_metrics": "Disabled"},
    ProcessingInputs=[{"InputName": "baseline_dataset_input",
                       "S3Input": {"S3Uri": "s3://lab/train/train.csv",
                                   "LocalPath": "/opt/ml/processing/input/baseline_dataset_input",
                                   "S3DataType": "S3Prefix", "S3InputMode": "File"}}],
    ProcessingOutputConfig={"Outputs": [{"OutputName": "monitoring_output",
                                         "S3Output": {"S3Uri": "s3://lab/baseline",
                                                      "LocalPath": "/opt/ml/processing/output",
                                                      "S3UploadMode": "EndOfJob"}}]})
while True:
    job = sm.describe_processing_job(ProcessingJobName="boto3-baseline")
    if job["ProcessingJobStatus"] not in ("InProgress", "Stopping"):
        break
    time.sleep(0.1)


def read_json(bucket, key):
    return json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read())


statistics = read_json("lab", "baseline/statistics.json")
constraints = read_json("lab", "baseline/constraints.json")

now = datetime.datetime.now(datetime.timezone.utc)
records = []
for i in range(200):
    # Ages far above the baseline's: drift the report has to show.
    features = "%d,%.4f" % (rng.randint(80, 99), rng.gauss(0, 1))
    records.append(json.dumps({
        "captureData": {
            "endpointInput": {"observedContentType": "text/csv", "mode": "INPUT", "data": features, "encoding": "CSV"},
            "endpointOutput": {"observedContentType": "text/csv; charset=utf-8", "mode": "OUTPUT",
                               "data": str(i % 2), "encoding": "CSV"}},
        "eventMetadata": {"eventId": str(uuid.uuid4()), "inferenceTime": now.strftime("%Y-%m-%dT%H:%M:%SZ")},
        "eventVersion": "0"}))
s3.put_object(Bucket="capture", Key="datacapture/ep-boto3/AllTraffic/%s/capture.jsonl" % now.strftime("%Y/%m/%d/%H"),
              Body=("\n".join(records) + "\n").encode())

sm.create_monitoring_schedule(
    MonitoringScheduleName="boto3-now",
    MonitoringScheduleConfig={
        "ScheduleConfig": {"ScheduleExpression": "NOW", "DataAnalysisStartTime": "-PT1H",
                           "DataAnalysisEndTime": "-PT0H"},
        "MonitoringJobDefinition": {
            "BaselineConfig": {"ConstraintsResource": {"S3Uri": "s3://lab/baseline/constraints.json"},
                               "StatisticsResource": {"S3Uri": "s3://lab/baseline/statistics.json"}},
            "MonitoringInputs": [{"EndpointInput": {"EndpointName": "ep-boto3",
                                                    "LocalPath": "/opt/ml/processing/input/endpoint"}}],
            "MonitoringOutputConfig": {"MonitoringOutputs": [{"S3Output": {
                "S3Uri": "s3://lab/reports", "LocalPath": "/opt/ml/processing/output", "S3UploadMode": "EndOfJob"}}]},
            "MonitoringResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge",
                                                      "VolumeSizeInGB": 20}},
            "MonitoringAppSpecification": {"ImageUri": ANALYZER},
            "RoleArn": ROLE}})
while True:
    executions = sm.list_monitoring_executions(MonitoringScheduleName="boto3-now")["MonitoringExecutionSummaries"]
    if executions and executions[0]["MonitoringExecutionStatus"] not in ("Pending", "InProgress", "Stopping"):
        break
    time.sleep(0.1)
execution = executions[0]
job_name = execution["ProcessingJobArn"].split("/")[-1]
report_uri = sm.describe_processing_job(ProcessingJobName=job_name)["ProcessingOutputConfig"]["Outputs"][0][
    "S3Output"]["S3Uri"]
bucket, _, prefix = report_uri[len("s3://"):].partition("/")
violations = read_json(bucket, prefix + "/constraint_violations.json")
schedule = sm.describe_monitoring_schedule(MonitoringScheduleName="boto3-now")
refused = None
try:
    sm.create_monitoring_schedule(MonitoringScheduleName="boto3-bad", MonitoringScheduleConfig={
        "ScheduleConfig": {"ScheduleExpression": "NOW"}, "MonitoringJobDefinitionName": "none",
        "MonitoringType": "DataQuality"})
except sm.exceptions.ClientError as e:
    refused = e.response["Error"]["Code"]

print(json.dumps({
    "baselineStatus": job["ProcessingJobStatus"],
    "itemCount": statistics["dataset"]["item_count"],
    "meanAge": statistics["features"][1]["numerical_statistics"]["mean"],
    "expectedMeanAge": sum(int(r.split(",")[1]) for r in rows) / len(rows),
    "constraintTypes": [f["inferred_type"] for f in constraints["features"]],
    "executionStatus": execution["MonitoringExecutionStatus"],
    "scheduledTimeIsDate": isinstance(execution["ScheduledTime"], datetime.datetime),
    "reportUri": report_uri,
    "violations": violations["violations"],
    "lastExecutionStatus": schedule["LastMonitoringExecutionSummary"]["MonitoringExecutionStatus"],
    "refused": refused,
}))
