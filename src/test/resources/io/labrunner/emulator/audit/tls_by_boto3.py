"""boto3 over the emulator's HTTPS, trusting its certificate with verify=PEM, next to plain HTTP on the same
port, and a client that trusts only the system's authorities. Prints what it saw as one JSON object.

usage: tls_by_boto3.py HTTPS_URL HTTP_URL CERTIFICATE_PEM
"""
import json
import socket
import ssl
import sys
import urllib.parse

import boto3
import botocore.exceptions

https_url, http_url, pem = sys.argv[1:4]
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
seen = {}

s3 = session.client("s3", endpoint_url=https_url, verify=pem)
s3.create_bucket(Bucket="tls-boto3")
s3.put_object(Bucket="tls-boto3", Key="a.txt", Body=b"over tls")
seen["readOverHttps"] = s3.get_object(Bucket="tls-boto3", Key="a.txt")["Body"].read().decode()
seen["callerOverHttps"] = session.client("sts", endpoint_url=https_url, verify=pem).get_caller_identity()["Account"]

plain = session.client("s3", endpoint_url=http_url)
seen["readOverHttp"] = plain.get_object(Bucket="tls-boto3", Key="a.txt")["Body"].read().decode()

untrusting = session.client("s3", endpoint_url=https_url)
try:
    untrusting.list_buckets()
    seen["untrusted"] = "answered"
except botocore.exceptions.SSLError as e:
    seen["untrusted"] = "SSLError: " + str(e)

# Python 3.13's default context verifies strictly (VERIFY_X509_STRICT): the certificate must pass that too.
strict = ssl.create_default_context(cafile=pem)
strict.verify_flags |= ssl.VERIFY_X509_STRICT
url = urllib.parse.urlsplit(https_url)
with socket.create_connection((url.hostname, url.port)) as raw:
    with strict.wrap_socket(raw, server_hostname=url.hostname) as tls:
        seen["strictHandshake"] = tls.version()

print(json.dumps(seen))
