"""Sends the 3,000-event feed into $STREAM and $DELIVERY_STREAM and measures, as the lab's
solution does, how soon each path shows an event; writes latency.properties.

    python3 feed.py && aws $ENDPOINT s3 cp latency.properties s3://$BUCKET/report/latency.properties

Batches of 500 go to both services (PutRecords and PutRecordBatch answer per record: what
carries an ErrorCode is resent). After each batch one GetRecords per shard notes when the
consumer received each event; then ListObjectsV2 every 200 ms notes when each event first
appears in S3 (polled after each batch and then every 200 ms). boto3 reads AWS_ENDPOINT_URL and the credentials that `./lab env` exports.
"""
import os
import re
import statistics
import time

import boto3

kinesis, firehose, s3 = boto3.client("kinesis"), boto3.client("firehose"), boto3.client("s3")
STREAM, DELIVERY, BUCKET = os.environ["STREAM"], os.environ["DELIVERY_STREAM"], os.environ["BUCKET"]
EVENT_ID = re.compile(rb'\{"id":(\d+),')


def now_ms():
    return int(time.time() * 1000)


def line(event_id, sent_at_ms):
    # The newline is ours to add: Firehose concatenates records exactly as sent.
    return ('{"id":%d,"device":"device-%d","sent_at_ms":%d,"payload":"%s"}\n'
            % (event_id, event_id % 50, sent_at_ms, "x" * 1000)).encode()


def put_stream(batch):
    while batch:
        answer = kinesis.put_records(StreamName=STREAM, Records=[{"Data": d, "PartitionKey": k} for k, d in batch])
        batch = [b for b, r in zip(batch, answer["Records"]) if "ErrorCode" in r]
        time.sleep(0.1 if batch else 0)


def put_firehose(batch):
    while batch:
        answer = firehose.put_record_batch(DeliveryStreamName=DELIVERY, Records=[{"Data": d} for _, d in batch])
        batch = [b for b, r in zip(batch, answer["RequestResponses"]) if "ErrorCode" in r]
        time.sleep(0.1 if batch else 0)


def main():
    iterators = {s["ShardId"]: kinesis.get_shard_iterator(StreamName=STREAM, ShardId=s["ShardId"],
                                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
                 for s in kinesis.list_shards(StreamName=STREAM)["Shards"]}
    sent, in_stream, in_s3 = {}, {}, {}

    def poll_stream():
        for shard, iterator in iterators.items():
            try:
                page = kinesis.get_records(ShardIterator=iterator)
            except kinesis.exceptions.ProvisionedThroughputExceededException:
                continue  # over the shard's 5 reads/s: the next poll gets it
            received = now_ms()
            for record in page["Records"]:
                found = EVENT_ID.match(record["Data"])
                if found and int(found.group(1)) >= 0:
                    in_stream.setdefault(int(found.group(1)), received)
            iterators[shard] = page["NextShardIterator"]

    seen_keys = set()

    def poll_bucket():
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="events/"):
            for obj in page.get("Contents", []):
                if obj["Key"] not in seen_keys:
                    seen_keys.add(obj["Key"])
                    landed = now_ms()
                    body = s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read()
                    for found in EVENT_ID.finditer(body):
                        in_s3.setdefault(int(found.group(1)), landed)

    for first in range(0, 3000, 500):
        batch = []
        for event_id in range(first, first + 500):
            sent[event_id] = now_ms()
            batch.append(("device-%d" % (event_id % 50), line(event_id, sent[event_id])))
        put_stream(batch)
        poll_stream()
        put_firehose(batch)
        poll_bucket()  # during the feed too, or an early object would look as late as the feed is long
        time.sleep(0.25)  # a shard allows 5 GetRecords calls per second
    while len(in_stream) < 3000:
        poll_stream()
        time.sleep(0.25)

    deadline = time.time() + 120
    while len(in_s3) < 3000 and time.time() < deadline:
        poll_bucket()
        time.sleep(0.2)

    stream_ms = sorted(in_stream[i] - sent[i] for i in in_stream)
    firehose_ms = sorted(in_s3[i] - sent[i] for i in in_s3 if i in sent)
    report = ("streamP50Ms=%d\nstreamMaxMs=%d\nfirehoseP50Ms=%d\nfirehoseMaxMs=%d\nobjects=%d\n"
              % (statistics.median_low(stream_ms), stream_ms[-1], statistics.median_low(firehose_ms),
                 firehose_ms[-1], len(seen_keys)))
    with open("latency.properties", "w") as out:
        out.write(report)
    print(report, end="")
    print("%d events seen in the stream, %d in S3" % (len(in_stream), len(in_s3)))


if __name__ == "__main__":
    main()
