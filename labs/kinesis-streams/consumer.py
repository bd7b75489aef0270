"""Reads every shard of $STREAM from TRIM_HORIZON, parents before children, as ShardReader.java
does, and writes consumed.csv: one line per feed event in the order read.

    python3 consumer.py && aws $ENDPOINT s3 cp consumed.csv s3://$BUCKET/consumer/consumed.csv

A closed shard is read until GetRecords returns no NextShardIterator, an open one until
MillisBehindLatest is 0. Records that are not feed events (the one sent by hand) are skipped.
"""
import os
import re
import time

import boto3

kinesis = boto3.client("kinesis")
stream = os.environ["STREAM"]
FEED_EVENT = re.compile(r"^(\d+),(device-\d{3}),(\d+),")


def shards():
    page = kinesis.list_shards(StreamName=stream)
    found = page["Shards"]
    while page.get("NextToken"):
        page = kinesis.list_shards(NextToken=page["NextToken"])  # without the stream name
        found += page["Shards"]
    return found


def read(shard_id, closed):
    iterator = kinesis.get_shard_iterator(StreamName=stream, ShardId=shard_id,
                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    while iterator:
        try:
            page = kinesis.get_records(ShardIterator=iterator, Limit=10000)
        except kinesis.exceptions.ProvisionedThroughputExceededException:
            time.sleep(0.5)  # over the shard's 5 reads/s or 2 MiB/s: wait and retry
            continue
        for record in page["Records"]:
            yield record
        iterator = page.get("NextShardIterator")
        at_tip = page["MillisBehindLatest"] == 0
        if iterator and at_tip and (not closed or not page["Records"]):
            break  # an open shard read to its tip; a closed one ends with no NextShardIterator


def main():
    remaining, done = shards(), set()
    known = {s["ShardId"] for s in remaining}
    lines = ["shard_id,partition_key,sequence_number,id,device,device_seq"]
    while remaining:
        # a shard whose parents are read to their end (or past retention) is next
        ready = next(s for s in remaining
                     if all(p not in known or p in done
                            for p in (s.get("ParentShardId"), s.get("AdjacentParentShardId")) if p))
        count = 0
        closed = "EndingSequenceNumber" in ready["SequenceNumberRange"]
        for record in read(ready["ShardId"], closed):
            event = FEED_EVENT.match(record["Data"].decode("utf-8", "replace"))
            if event:
                lines.append(",".join([ready["ShardId"], record["PartitionKey"], record["SequenceNumber"],
                                       event.group(1), event.group(2), event.group(3)]))
                count += 1
        print("%s: %d feed events" % (ready["ShardId"], count))
        done.add(ready["ShardId"])
        remaining.remove(ready)
    with open("consumed.csv", "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
