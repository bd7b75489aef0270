"""The canary's traffic and its verdict, as SageMakerEndpointLab.java does them.

    python3 canary.py send      # every held-out customer as its own request; who answered, and how well
    python3 canary.py compare   # every held-out customer scored by each variant (TargetVariant)

Reads $BUCKET and $ENDPOINT_NAME, and boto3 (1.28 or newer) reads AWS_ENDPOINT_URL and the
credentials, all of which `./lab env sagemaker-endpoint` exports. Standard library and boto3 only.
"""
import os
import sys

import boto3

BUCKET = os.environ["BUCKET"]
ENDPOINT_NAME = os.environ["ENDPOINT_NAME"]
s3 = boto3.client("s3")
runtime = boto3.client("sagemaker-runtime")
sagemaker = boto3.client("sagemaker")


def lines(key, header):
    text = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read().decode()
    rows = [line for line in text.splitlines() if line.strip()]
    return rows[1:] if header else rows


def scores(body):
    """The built-in XGBoost answers text/csv with one probability per row, separated by commas or new lines."""
    return [float(v) for v in body.replace("\n", ",").split(",") if v.strip()]


def auc(scores_, labels):
    """The share of (churner, stayer) pairs the scores order right; ties count half."""
    pos = [s for s, y in zip(scores_, labels) if y == 1]
    neg = [s for s, y in zip(scores_, labels) if y == 0]
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


customers = lines("traffic/customers.csv", header=False)
labels = [int(y) for y in lines("holdout/labels.csv", header=True)]

if sys.argv[1:] == ["send"]:
    served = {}
    for row, features in enumerate(customers):
        answer = runtime.invoke_endpoint(EndpointName=ENDPOINT_NAME, ContentType="text/csv", Body=features)
        variant = answer["InvokedProductionVariant"]
        served.setdefault(variant, []).append((row, scores(answer["Body"].read().decode())[0]))
    for variant, answers in sorted(served.items()):
        print("%-10s served %3d requests (%2.0f %%); AUC on the customers it served %.3f" % (
            variant, len(answers), 100 * len(answers) / len(customers),
            auc([s for _, s in answers], [labels[r] for r, _ in answers])))
elif sys.argv[1:] == ["compare"]:
    variants = [v["VariantName"] for v in sagemaker.describe_endpoint(EndpointName=ENDPOINT_NAME)["ProductionVariants"]]
    result = {}
    for variant in variants:
        answer = runtime.invoke_endpoint(EndpointName=ENDPOINT_NAME, ContentType="text/csv", TargetVariant=variant,
                                         Body="\n".join(customers) + "\n")
        result[variant] = auc(scores(answer["Body"].read().decode()), labels)
        print("%-10s AUC %.3f on all %d held-out customers" % (variant, result[variant], len(labels)))
    print("better:", max(result, key=result.get))
else:
    sys.exit("usage: python3 canary.py send | compare")
