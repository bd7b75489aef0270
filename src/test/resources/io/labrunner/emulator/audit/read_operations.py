#!/usr/bin/env python3
"""Calls every read operation the emulator serves with boto3 and checks each raw response against
botocore's output shape: botocore validates nothing on output and silently drops what it does not
recognise, so a wrong element name or type shows up only as a missing field in the parsed result.

Usage: read_operations.py ENDPOINT NAMES_JSON
NAMES_JSON names the resources the caller created (role, database, table, ...).
Prints one JSON object: {"<service>.<Operation>": {"problems": [...], "parsed": {...}}}.
"""
import datetime
import json
import sys
import xml.etree.ElementTree as ElementTree

import boto3
from botocore.config import Config
from botocore.utils import parse_timestamp

NOT_IN_BODY = ("header", "headers", "statusCode", "querystring", "uri")
# Enum values AWS sends that botocore's model does not list yet (clients keep them as plain strings):
# ListFoundationModels reports VIDEO input for Nova Lite and Pro, and INFERENCE_PROFILE for models served only
# through cross-region inference profiles (the newer Claude, Llama and Nova models).
AWS_SENDS_TOO = {"ModelModality": {"VIDEO"}, "InferenceType": {"INFERENCE_PROFILE"}}


def operations(n):
    """(client name, Operation, parameters) for every read operation, in the order they run."""
    return [
        ("sts", "GetCallerIdentity", {}),
        ("iam", "ListRoles", {}),
        ("iam", "GetRole", {"RoleName": n["role"]}),
        ("iam", "ListRolePolicies", {"RoleName": n["role"]}),
        ("iam", "GetRolePolicy", {"RoleName": n["role"], "PolicyName": n["rolePolicy"]}),
        ("iam", "ListAttachedRolePolicies", {"RoleName": n["role"]}),
        ("iam", "ListRoleTags", {"RoleName": n["role"]}),
        ("iam", "ListAccountAliases", {}),
        ("glue", "GetDatabase", {"Name": n["database"]}),
        ("glue", "GetDatabases", {}),
        ("glue", "GetTable", {"DatabaseName": n["database"], "Name": n["table"]}),
        ("glue", "GetTables", {"DatabaseName": n["database"]}),
        ("glue", "GetPartition", {"DatabaseName": n["database"], "TableName": n["table"],
                                  "PartitionValues": [n["partition"]]}),
        ("glue", "GetPartitions", {"DatabaseName": n["database"], "TableName": n["table"]}),
        ("glue", "BatchGetPartition", {"DatabaseName": n["database"], "TableName": n["table"],
                                       "PartitionsToGet": [{"Values": [n["partition"]]}]}),
        ("glue", "GetCrawler", {"Name": n["crawler"]}),
        ("glue", "GetCrawlers", {}),
        ("glue", "ListCrawlers", {}),
        ("glue", "GetCrawlerMetrics", {}),
        ("athena", "GetQueryExecution", {"QueryExecutionId": n["queryExecutionId"]}),
        ("athena", "BatchGetQueryExecution", {"QueryExecutionIds": [n["queryExecutionId"]]}),
        ("athena", "GetQueryResults", {"QueryExecutionId": n["queryExecutionId"]}),
        ("athena", "ListQueryExecutions", {"WorkGroup": n["workGroup"]}),
        ("athena", "GetWorkGroup", {"WorkGroup": n["workGroup"]}),
        ("athena", "ListWorkGroups", {}),
        ("kinesis", "DescribeStream", {"StreamName": n["stream"]}),
        ("kinesis", "DescribeStreamSummary", {"StreamName": n["stream"]}),
        ("kinesis", "ListStreams", {}),
        ("kinesis", "ListShards", {"StreamName": n["stream"]}),
        ("kinesis", "ListTagsForStream", {"StreamName": n["stream"]}),
        ("kinesis", "GetShardIterator", {"StreamName": n["stream"], "ShardId": n["shard"],
                                         "ShardIteratorType": "TRIM_HORIZON"}),
        ("kinesis", "GetRecords", None),  # needs the iterator GetShardIterator returned
        ("firehose", "DescribeDeliveryStream", {"DeliveryStreamName": n["deliveryStream"]}),
        ("firehose", "ListDeliveryStreams", {}),
        ("bedrock", "ListFoundationModels", {}),
        ("bedrock", "GetFoundationModel", {"modelIdentifier": n["model"]}),
        ("bedrock", "ListGuardrails", {}),
        ("bedrock", "GetGuardrail", {"guardrailIdentifier": n["guardrailId"]}),
        ("bedrock-runtime", "ApplyGuardrail", {"guardrailIdentifier": n["guardrailId"], "guardrailVersion": "DRAFT",
                                               "source": "INPUT", "content": [{"text": {"text": "hello"}}]}),
        ("bedrock-runtime", "Converse", {"modelId": n["textModel"], "messages": [
            {"role": "user", "content": [{"text": "Say hello."}]}]}),
    ]


def main():
    endpoint, names = sys.argv[1], json.loads(sys.argv[2])
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test",
                                    region_name="us-east-1")
    config = Config(retries={"max_attempts": 1}, read_timeout=120)
    clients, raw, report = {}, {}, {}

    def capture(http_response, **_):
        raw["body"] = http_response.content

    for service, operation, params in operations(names):
        if service not in clients:
            clients[service] = session.client(service, endpoint_url=endpoint, config=config)
            clients[service].meta.events.register("after-call", capture)
        client = clients[service]
        if params is None:
            params = {"ShardIterator": report["kinesis.GetShardIterator"]["parsed"].get("ShardIterator")}
        raw.clear()
        problems = []
        try:
            parsed = getattr(client, snake(client, operation))(**params)
        except Exception as e:  # noqa: BLE001 - any failure is this operation's finding
            report[service + "." + operation] = {"problems": ["call failed: %s" % e], "parsed": {}}
            continue
        parsed.pop("ResponseMetadata", None)
        model = client.meta.service_model
        shape = model.operation_model(operation).output_shape
        body = raw.get("body", b"")
        if model.protocol == "query":
            check_query(shape, body, operation, problems)
        else:
            check_json_body(shape, body, problems)
        check_parsed(shape, parsed, "", problems)
        report[service + "." + operation] = {"problems": problems, "parsed": parsed}
    print(json.dumps(report, default=jsonable, indent=1))


def snake(client, operation):
    return next(k for k, v in client.meta.method_to_api_mapping.items() if v == operation)


def jsonable(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


# ---- JSON and REST-JSON bodies ----

def check_json_body(shape, body, problems):
    if shape is None:
        return
    try:
        value = json.loads(body) if body else {}
    except ValueError:
        problems.append("body is not JSON: %r" % body[:200])
        return
    payload = shape.serialization.get("payload")
    if payload:
        shape = shape.members[payload]
    check_json(shape, value, "", problems)


def check_json(shape, value, path, problems):
    kind = shape.type_name
    if value is None:
        problems.append("%s: null (AWS leaves absent members out)" % path)
    elif shape.metadata.get("document"):
        return  # a document holds any JSON
    elif kind == "structure":
        if not isinstance(value, dict):
            problems.append("%s: expected an object, got %s" % (path, type(value).__name__))
            return
        members = {m.serialization.get("name", name): (name, m) for name, m in shape.members.items()
                   if m.serialization.get("location") not in NOT_IN_BODY}
        for key, member_value in value.items():
            if key == "__type" and not path:
                continue
            if key not in members:
                problems.append("%s/%s: not in the output shape %s, so clients drop it" % (path, key, shape.name))
                continue
            check_json(members[key][1], member_value, path + "/" + key, problems)
        for required in shape.required_members:
            member = shape.members[required]
            if member.serialization.get("location") in NOT_IN_BODY:
                continue
            if member.serialization.get("name", required) not in value:
                problems.append("%s/%s: required member missing" % (path, required))
    elif kind == "list":
        if not isinstance(value, list):
            problems.append("%s: expected an array, got %s" % (path, type(value).__name__))
            return
        for i, item in enumerate(value):
            check_json(shape.member, item, "%s/%d" % (path, i), problems)
    elif kind == "map":
        if not isinstance(value, dict):
            problems.append("%s: expected a map, got %s" % (path, type(value).__name__))
            return
        for key, item in value.items():
            check_json(shape.value, item, "%s/%s" % (path, key), problems)
    else:
        check_scalar_json(shape, value, path, problems)


def check_scalar_json(shape, value, path, problems):
    kind = shape.type_name
    ok = {
        "string": isinstance(value, str),
        "blob": isinstance(value, str),
        "boolean": isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "long": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, (int, float)) and not isinstance(value, bool),
        "double": isinstance(value, (int, float)) and not isinstance(value, bool),
        "timestamp": isinstance(value, (int, float, str)) and not isinstance(value, bool),
    }.get(kind, True)
    if not ok:
        problems.append("%s: expected %s, got %s %r" % (path, kind, type(value).__name__, value))
    elif kind == "string" and shape.enum and value not in shape.enum + list(AWS_SENDS_TOO.get(shape.name, ())):
        problems.append("%s: %r is not one of %s" % (path, value, shape.enum))


# ---- query protocol (XML) bodies ----

def local(tag):
    return tag.rsplit("}", 1)[-1]


def check_query(shape, body, operation, problems):
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as e:
        problems.append("body is not XML: %s" % e)
        return
    if local(root.tag) != operation + "Response":
        problems.append("root element is %s, not %sResponse" % (local(root.tag), operation))
    if shape is None:
        return
    wrapper = shape.serialization.get("resultWrapper")
    result = next((c for c in root if local(c.tag) == wrapper), None)
    if result is None:
        problems.append("no <%s> element" % wrapper)
        return
    check_xml(shape, result, wrapper, problems)


def check_xml(shape, element, path, problems):
    kind = shape.type_name
    children = list(element)
    if kind == "structure":
        members = {m.serialization.get("name", name): m for name, m in shape.members.items()}
        seen = set()
        for child in children:
            tag = local(child.tag)
            if tag not in members:
                problems.append("%s/%s: not in the output shape %s, so clients drop it" % (path, tag, shape.name))
                continue
            seen.add(tag)
            check_xml(members[tag], child, path + "/" + tag, problems)
        for required in shape.required_members:
            if shape.members[required].serialization.get("name", required) not in seen:
                problems.append("%s/%s: required member missing" % (path, required))
    elif kind == "list":
        entry = shape.member.serialization.get("name", "member")
        for i, child in enumerate(children):
            if local(child.tag) != entry:
                problems.append("%s/%s: a list entry must be <%s>" % (path, local(child.tag), entry))
                continue
            check_xml(shape.member, child, "%s/%d" % (path, i), problems)
    elif kind == "map":
        for child in children:
            if local(child.tag) != "entry":
                problems.append("%s/%s: a map entry must be <entry>" % (path, local(child.tag)))
    else:
        if children:
            problems.append("%s: a %s holds elements %s" % (path, kind, [local(c.tag) for c in children]))
            return
        check_scalar_xml(shape, element.text or "", path, problems)


def check_scalar_xml(shape, text, path, problems):
    kind = shape.type_name
    try:
        if kind in ("integer", "long"):
            int(text)
        elif kind in ("float", "double"):
            float(text)
        elif kind == "boolean" and text not in ("true", "false"):
            raise ValueError(text)
        elif kind == "timestamp":
            parse_timestamp(text)
    except (ValueError, TypeError):
        problems.append("%s: %r is not a %s" % (path, text, kind))
        return
    if kind == "string" and shape.enum and text not in shape.enum:
        problems.append("%s: %r is not one of %s" % (path, text, shape.enum))


# ---- the parsed result ----

def check_parsed(shape, value, path, problems):
    """Required members must survive parsing: what a client reads, not only what we sent."""
    if shape is None or value is None:
        return
    if shape.type_name == "structure" and isinstance(value, dict):
        for required in shape.required_members:
            if required not in value and shape.members[required].serialization.get("location") != "statusCode":
                problems.append("parsed%s/%s: required member missing after parsing" % (path, required))
        for name, member_value in value.items():
            if name in shape.members:
                check_parsed(shape.members[name], member_value, path + "/" + name, problems)
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            check_parsed(shape.member, item, "%s/%d" % (path, i), problems)


if __name__ == "__main__":
    main()
