"""SageMaker hosting driven by boto3 alone, as a learner's notebook does it.

deploy: upload model.tar.gz, create model, endpoint config and endpoint, wait with boto3's waiter, invoke it through
the sagemaker-runtime client, and try the calls AWS refuses. delete: delete the endpoint and wait until it is gone.
Prints what it saw as JSON.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint_url, work, phase = sys.argv[1], sys.argv[2], sys.argv[3]
sm = boto3.client("sagemaker", endpoint_url=endpoint_url)
runtime = boto3.client("sagemaker-runtime", endpoint_url=endpoint_url)
seen = {}
image = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"


def error(call):
    try:
        call()
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message", ""),
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
                "originalStatus": e.response.get("OriginalStatusCode")}
    return None


if phase == "deploy":
    s3 = boto3.client("s3", endpoint_url=endpoint_url)
    s3.create_bucket(Bucket="boto3-hosting")
    with open(work + "/model.tar.gz", "rb") as f:
        s3.put_object(Bucket="boto3-hosting", Key="model/model.tar.gz", Body=f.read())
    sm.create_model(ModelName="boto3-model", ExecutionRoleArn="arn:aws:iam::000000000000:role/SageMakerRole",
                    PrimaryContainer={"Image": image, "ModelDataUrl": "s3://boto3-hosting/model/model.tar.gz"})
    sm.create_endpoint_config(EndpointConfigName="boto3-config", ProductionVariants=[
        {"VariantName": "AllTraffic", "ModelName": "boto3-model", "InstanceType": "ml.m5.large",
         "InitialInstanceCount": 1, "InitialVariantWeight": 1.0}])
    sm.create_endpoint(EndpointName="boto3-endpoint", EndpointConfigName="boto3-config")
    seen["firstStatus"] = sm.describe_endpoint(EndpointName="boto3-endpoint")["EndpointStatus"]
    sm.get_waiter("endpoint_in_service").wait(EndpointName="boto3-endpoint",
                                              WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    described = sm.describe_endpoint(EndpointName="boto3-endpoint")
    seen["status"] = described["EndpointStatus"]
    seen["variants"] = [v["VariantName"] for v in described["ProductionVariants"]]
    with open(work + "/rows.csv") as f:
        rows = f.read()
    answer = runtime.invoke_endpoint(EndpointName="boto3-endpoint", ContentType="text/csv", Body=rows)
    seen["body"] = answer["Body"].read().decode()
    seen["contentType"] = answer["ContentType"]
    seen["variant"] = answer["InvokedProductionVariant"]
    seen["modelError"] = error(lambda: runtime.invoke_endpoint(EndpointName="boto3-endpoint",
                                                               ContentType="text/csv", Body="1,2"))
    seen["unknown"] = error(lambda: runtime.invoke_endpoint(EndpointName="nope", ContentType="text/csv",
                                                            Body="1,2,3"))
else:
    sm.delete_endpoint(EndpointName="boto3-endpoint")
    sm.get_waiter("endpoint_deleted").wait(EndpointName="boto3-endpoint", WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    seen["describeAfterDelete"] = error(lambda: sm.describe_endpoint(EndpointName="boto3-endpoint"))
print(json.dumps(seen))
