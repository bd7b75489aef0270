#!/usr/bin/env python3
"""Writes s3-operations.json: every operation in S3's API model (botocore's) with its HTTP method, request URI and
the names of its required query-string parameters and headers (which tell some operations apart on the wire), for S3OperationsRoutingTest, which sends each one and checks that none is answered as another operation.

Regenerate after a botocore upgrade:
    python3 s3_operations.py > s3-operations.json
"""
import json

import botocore.session


def main():
    model = botocore.session.get_session().get_service_model("s3")
    operations = {}
    for name in model.operation_names:
        op = model.operation_model(name)
        shape = op.input_shape
        required = {"querystring": [], "header": []}
        if shape is not None:
            for member in shape.required_members:
                s = shape.members[member].serialization
                if s.get("location") in required:
                    required[s["location"]].append(s.get("name", member))
        operations[name] = {"method": op.http["method"], "requestUri": op.http["requestUri"],
                            "requiredQuery": sorted(required["querystring"]),
                            "requiredHeaders": sorted(required["header"])}
    print(json.dumps({"botocore": botocore.__version__, "operations": operations}, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
