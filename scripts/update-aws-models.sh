#!/usr/bin/env bash
# Refreshes the AWS API models the embedded emulator validates requests against, from an
# installed botocore (pip's `botocore`, or Debian's `python3-botocore`). The models are
# Apache-2.0; botocore's LICENSE and a NOTICE naming the version are copied beside them.
#
# Usage: scripts/update-aws-models.sh            (from the repository root)
set -euo pipefail

SERVICES="kinesis firehose glue athena iam sts bedrock bedrock-runtime sagemaker sagemaker-runtime logs cloudwatch kms secretsmanager stepfunctions events resourcegroupstaggingapi"
PYTHON="${PYTHON:-python3}"
here="$(cd "$(dirname "$0")/.." && pwd)"
target="$here/src/main/resources/aws-models"

botocore="$("$PYTHON" -c 'import botocore, os; print(os.path.dirname(botocore.__file__))')"
version="$("$PYTHON" -c 'import botocore; print(botocore.__version__)')"
echo "botocore $version at $botocore"

mkdir -p "$target"
for service in $SERVICES; do
    # botocore keeps one folder per API version; the newest one is what the SDKs call.
    api_version="$(ls "$botocore/data/$service" | sort | tail -n 1)"
    source="$botocore/data/$service/$api_version/service-2.json"
    mkdir -p "$target/$service"
    if [ -f "$source.gz" ]; then
        cp "$source.gz" "$target/$service/service-2.json.gz"
    elif [ -f "$source" ]; then
        # Debian's package ships the models uncompressed.
        gzip -9 -n -c "$source" > "$target/$service/service-2.json.gz"
    else
        echo "no model for $service in $botocore/data" >&2
        exit 1
    fi
    echo "$service $api_version" 
done

license=""
for candidate in "$botocore/../botocore-$version.dist-info/LICENSE.txt" "$botocore/../botocore-$version.dist-info/LICENSE" \
        "$botocore/../botocore-$version.dist-info/licenses/LICENSE.txt"; do
    if [ -f "$candidate" ]; then license="$candidate"; break; fi
done
if [ -z "$license" ] && [ -f /usr/share/doc/python3-botocore/copyright ]; then
    license=/usr/share/doc/python3-botocore/copyright
fi
if [ -n "$license" ]; then
    cp "$license" "$target/LICENSE"
else
    echo "botocore's LICENSE not found; keep the existing $target/LICENSE" >&2
fi

cat > "$target/NOTICE" <<NOTICE
AWS API models (service-2.json) for: $SERVICES

Copied unchanged (gzip-compressed, as botocore ships them) from botocore $version,
https://github.com/boto/botocore, folder botocore/data/<service>/<api-version>/.
Copyright Amazon.com, Inc. or its affiliates. Licensed under the Apache License,
Version 2.0 (see LICENSE in this folder).

The embedded emulator reads them to check requests against AWS's own constraints.
Refresh with scripts/update-aws-models.sh.
NOTICE
echo "wrote $target"
