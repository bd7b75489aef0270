"""SageMaker training on the emulator through boto3 alone, as a learner's notebook drives it.

Usage: sagemaker_by_boto3.py ENDPOINT WORKDIR
Trains built-in XGBoost and Linear Learner on a CSV set with a real signal, reads the container's log
back through CloudWatch Logs, downloads model.tar.gz and extracts xgboost-model and the validation rows
into WORKDIR, and sends requests AWS refuses. Prints one JSON object of what it saw; the Java test
judges it. Needs only boto3 (no xgboost: another Python loads the model).
"""
import json
import random
import sys
import tarfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, WaiterError

ENDPOINT, WORKDIR = sys.argv[1], sys.argv[2]
BUCKET = "boto3-lab"
ROLE = "arn:aws:iam::000000000000:role/SageMakerRole"
XGBOOST = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
LINEAR = "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1"

config = Config(retries={"max_attempts": 1})
s3 = boto3.client("s3", endpoint_url=ENDPOINT, config=config)
sm = boto3.client("sagemaker", endpoint_url=ENDPOINT, config=config)
logs = boto3.client("logs", endpoint_url=ENDPOINT, config=config)
seen = {}


def rows(n, seed):
    """label,x1,x2,x3: the label follows x1 + x2 with some noise; x3 is noise alone."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        x1, x2, x3 = rnd.gauss(0, 1), rnd.gauss(0, 1), rnd.gauss(0, 1)
        label = 1 if x1 + x2 + rnd.gauss(0, 0.5) > 0 else 0
        out.append("%d,%.4f,%.4f,%.4f" % (label, x1, x2, x3))
    return "\n".join(out) + "\n"


def channel(name, prefix):
    return {"ChannelName": name, "ContentType": "text/csv",
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://%s/%s/" % (BUCKET, prefix),
                                            "S3DataDistributionType": "FullyReplicated"}}}


def job(name, image, hyper, channels):
    return dict(TrainingJobName=name, RoleArn=ROLE,
                AlgorithmSpecification={"TrainingImage": image, "TrainingInputMode": "File"},
                HyperParameters=hyper, InputDataConfig=channels,
                OutputDataConfig={"S3OutputPath": "s3://%s/output" % BUCKET},
                ResourceConfig={"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 5},
                StoppingCondition={"MaxRuntimeInSeconds": 600})


def train_and_wait(request, expect_failure=False):
    sm.create_training_job(**request)
    try:
        sm.get_waiter("training_job_completed_or_stopped").wait(
            TrainingJobName=request["TrainingJobName"], WaiterConfig={"Delay": 1, "MaxAttempts": 300})
    except WaiterError as e:
        # botocore's waiter model makes Failed a terminal failure: the waiter raises, as on AWS.
        if not expect_failure or "matched expected path: \"Failed\"" not in str(e):
            raise
    return sm.describe_training_job(TrainingJobName=request["TrainingJobName"])


def refused(**request):
    try:
        sm.create_training_job(**request)
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return {"code": None}


s3.create_bucket(Bucket=BUCKET)
validation = rows(300, 2)
s3.put_object(Bucket=BUCKET, Key="train/train.csv", Body=rows(1200, 1).encode())
s3.put_object(Bucket=BUCKET, Key="validation/validation.csv", Body=validation.encode())
with open(WORKDIR + "/validation.csv", "w") as f:
    f.write(validation)

# XGBoost, as the SageMaker guides set it up.
xgb = job("Boto3-XGB-Job", XGBOOST, {"objective": "binary:logistic", "num_round": "30", "max_depth": "3",
                                     "eta": "0.3", "eval_metric": "auc"},
          [channel("train", "train"), channel("validation", "validation")])
described = train_and_wait(xgb)
seen["xgboost"] = {
    "arn": described["TrainingJobArn"],
    "status": described["TrainingJobStatus"],
    "secondary": [t["Status"] for t in described["SecondaryStatusTransitions"]],
    "metrics": {m["MetricName"]: m["Value"] for m in described.get("FinalMetricDataList", [])},
    "artifacts": described.get("ModelArtifacts", {}).get("S3ModelArtifacts"),
    "image": described["AlgorithmSpecification"]["TrainingImage"],
    "inputMode": described["AlgorithmSpecification"]["TrainingInputMode"],
    "hyperParameters": described.get("HyperParameters"),
    "roleArn": described.get("RoleArn"),
    "channels": [c["ChannelName"] for c in described.get("InputDataConfig", [])],
    "outputPath": described.get("OutputDataConfig", {}).get("S3OutputPath"),
    "instanceType": described.get("ResourceConfig", {}).get("InstanceType"),
    "maxRuntime": described.get("StoppingCondition", {}).get("MaxRuntimeInSeconds"),
    "networkIsolation": described.get("EnableNetworkIsolation"),
    "timesOrdered": described["CreationTime"] <= described["TrainingStartTime"] <= described["TrainingEndTime"]
    <= described["LastModifiedTime"],
    "billable": described.get("BillableTimeInSeconds"),
}
summaries = sm.list_training_jobs(NameContains="xgb-job")["TrainingJobSummaries"]
seen["xgboost"]["listed"] = [s["TrainingJobName"] for s in summaries]

# Its container output, read back through CloudWatch Logs.
streams = logs.describe_log_streams(logGroupName="/aws/sagemaker/TrainingJobs",
                                    logStreamNamePrefix="Boto3-XGB-Job/")["logStreams"]
seen["xgboost"]["logStreams"] = [s["logStreamName"] for s in streams]
if streams:
    events = logs.get_log_events(logGroupName="/aws/sagemaker/TrainingJobs",
                                 logStreamName=streams[0]["logStreamName"], startFromHead=True)["events"]
    seen["xgboost"]["logLines"] = [e["message"] for e in events]

# The artifact, as a learner downloads it.
bucket, key = seen["xgboost"]["artifacts"][len("s3://"):].split("/", 1)
s3.download_file(bucket, key, WORKDIR + "/model.tar.gz")
with tarfile.open(WORKDIR + "/model.tar.gz") as archive:
    seen["xgboost"]["archiveMembers"] = archive.getnames()
    archive.extract("xgboost-model", WORKDIR, filter="data") if hasattr(tarfile, "data_filter") \
        else archive.extract("xgboost-model", WORKDIR)

# Linear Learner on the same data.
linear = job("boto3-linear-job", LINEAR, {"predictor_type": "binary_classifier", "feature_dim": "3",
                                          "epochs": "5", "mini_batch_size": "100"},
             [channel("train", "train"), channel("validation", "validation")])
described = train_and_wait(linear)
seen["linear"] = {"status": described["TrainingJobStatus"], "failure": described.get("FailureReason"),
                  "metrics": {m["MetricName"]: m["Value"] for m in described.get("FinalMetricDataList", [])},
                  "artifacts": described.get("ModelArtifacts", {}).get("S3ModelArtifacts")}

# Input the container refuses: the job fails, and says why in the container's words.
# A header row, the most common way a learner's CSV is malformed for the container.
s3.put_object(Bucket=BUCKET, Key="malformed/a.csv", Body=b"label,x1,x2\n1,2,3\n0,4,5\n")
s3.put_object(Bucket=BUCKET, Key="textlabel/a.csv", Body=b"1,1.0,2.0\nyes,3.0,4.0\n")
failing = {
    "unknownHyperparameter": job("bad-hyper", XGBOOST, {"num_round": "5", "not_a_parameter": "1"},
                                 [channel("train", "train")]),
    "noTrainChannel": job("no-train", XGBOOST, {"num_round": "5"}, [channel("validation", "validation")]),
    "malformedCsv": job("bad-csv", XGBOOST, {"num_round": "5"}, [channel("train", "malformed")]),
    "textLabel": job("text-label", XGBOOST, {"num_round": "5"}, [channel("train", "textlabel")]),
}
seen["failed"] = {}
for case, request in failing.items():
    described = train_and_wait(request, expect_failure=True)
    seen["failed"][case] = {"status": described["TrainingJobStatus"], "reason": described.get("FailureReason")}

# Requests SageMaker refuses before any job exists.
seen["refused"] = {
    "duplicateName": refused(**xgb),
    # Names differ from each other in more than case: the ARN holds the name lowercased.
    "duplicateNameOtherCase": refused(**dict(xgb, TrainingJobName="boto3-xgb-JOB")),
    "badRoleArn": refused(**dict(job("bad-role", XGBOOST, {"num_round": "5"}, [channel("train", "train")]),
                                 RoleArn="arn:aws:iam::123:role/SageMakerRole")),
    "badS3Uri": refused(**dict(job("bad-uri", XGBOOST, {"num_round": "5"}, [channel("train", "train")]),
                               OutputDataConfig={"S3OutputPath": "bucket/output"})),
    "unknownJob": None,
}
try:
    sm.describe_training_job(TrainingJobName="no-such-job")
except ClientError as e:
    seen["refused"]["unknownJob"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}
seen["refusedLeftNoJob"] = [s["TrainingJobName"] for s in sm.list_training_jobs(NameContains="bad-")[
    "TrainingJobSummaries"] if s["TrainingJobName"] in ("bad-role", "bad-uri")]
print(json.dumps(seen, default=str))
