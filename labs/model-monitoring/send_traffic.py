"""Sends every line of a CSV file to a SageMaker endpoint, one InvokeEndpoint request per line.

    python3 send_traffic.py ENDPOINT_NAME normal.csv

Each line is one customer's features, no label, as the built-in XGBoost takes them (text/csv);
with data capture on, each request becomes one record in the capture files. Prints how many
requests went out and how many customers the model predicts to churn (score >= 0.5).
boto3 (1.28 or newer) reads AWS_ENDPOINT_URL and the credentials that `./lab env` exports.
"""
import sys

import boto3


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python3 send_traffic.py ENDPOINT_NAME FILE.csv")
    endpoint, path = sys.argv[1], sys.argv[2]
    runtime = boto3.client("sagemaker-runtime")
    sent = churners = 0
    with open(path, encoding="utf-8") as rows:
        for row in rows:
            row = row.rstrip("\r\n")
            if not row:
                continue
            answer = runtime.invoke_endpoint(EndpointName=endpoint, ContentType="text/csv", Body=row.encode("utf-8"))
            score = float(answer["Body"].read().decode("utf-8").strip().split(",")[0])
            sent += 1
            churners += score >= 0.5
    print("%d requests sent to %s; %d customers predicted to churn" % (sent, endpoint, churners))


if __name__ == "__main__":
    main()
