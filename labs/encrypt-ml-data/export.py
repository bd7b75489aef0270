"""The pipeline's export step, as FeaturePipeline.java does it.

    python3 export.py

Reads the feature database's credentials from Secrets Manager ($SECRET), "connects" (there is
no database in this lab: the line that would connect is shown), and uploads the training rows
to s3://$BUCKET/training/churn/train.csv with SSE-KMS under $KEY_ARN. The password stays in
memory: it is never printed, logged or written. boto3 reads AWS_ENDPOINT_URL and the
credentials, which `./lab env encrypt-ml-data` exports. Standard library and boto3 only.
"""
import json
import os
import random

import boto3

BUCKET = os.environ["BUCKET"]
SECRET = os.environ["SECRET"]
KEY_ARN = os.environ["KEY_ARN"]
TRAINING_OBJECT = "training/churn/train.csv"


def read_credentials():
    """GetSecretValue: Secrets Manager decrypts the secret with the KMS key it names."""
    response = boto3.client("secretsmanager").get_secret_value(SecretId=SECRET)
    return json.loads(response["SecretString"])


def connect(credentials):
    """Where psycopg.connect(host=..., user=..., password=...) would run its query."""
    if not credentials["password"]:
        raise SystemExit("The secret's password is empty: the database would refuse it.")
    rows = random.Random(7)
    # label, tenure_months, monthly_charge, contract_months, support_calls
    return [[rows.randint(0, 1), rows.randint(1, 72), round(rows.uniform(20, 120), 2),
             rows.choice([1, 12, 24]), rows.randint(0, 9)] for _ in range(500)]


credentials = read_credentials()
where = "{engine}://{username}@{host}:{port}/{dbname}".format(**credentials)
print(f"connected to {where} (password: {len(credentials['password'])} characters, not shown)")
rows = connect(credentials)
body = "".join(",".join(str(v) for v in row) + "\n" for row in rows)
boto3.client("s3").put_object(Bucket=BUCKET, Key=TRAINING_OBJECT, Body=body.encode(),
                              ContentType="text/csv", ServerSideEncryption="aws:kms",
                              SSEKMSKeyId=KEY_ARN)
print(f"{len(rows)} rows -> s3://{BUCKET}/{TRAINING_OBJECT} (SSE-KMS, {KEY_ARN})")
