"""Sends feed events FIRST..LAST (inclusive) to $STREAM, as Producer.java does.

    python3 producer.py 0 2999

PutRecords batches of at most 500 holding each device at most once; the entries a batch
refuses (an ErrorCode instead of a SequenceNumber) are resent with exponential backoff before
the next batch goes out, so nothing is lost and no device's events are reordered. Two threads
send for disjoint halves of the devices, so even a slow machine sends faster than the shards
take (order is only kept per device, so the halves need not wait for each other).
boto3 reads AWS_ENDPOINT_URL and the credentials that `./lab env` exports.
"""
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3

DEVICES = 500
WAVEFORM = "0123456789abcdef" * 128  # about 2 KB per event


def feed():
    """All 6,000 events: (id, device, device_seq)."""
    per_device = {}
    events = []
    for event_id in range(6000):
        device = "device-%03d" % (event_id * 37 % DEVICES)
        seq = per_device.get(device, 0)
        per_device[device] = seq + 1
        events.append((event_id, device, seq))
    return events


def batches(events):
    """Batches of at most 500 in which every device appears at most once, in feed order."""
    out, next_batch = [], {}
    for event in events:
        i = next_batch.get(event[1], 0)
        while i < len(out) and len(out[i]) >= 500:
            i += 1
        if i == len(out):
            out.append([])
        out[i].append(event)
        next_batch[event[1]] = i + 1
    return out


def send(kinesis, stream, events):
    """Sends events in order per device; returns (PutRecords calls, entries throttled and resent)."""
    calls = throttled = 0
    for batch in batches(events):
        pending, attempt = batch, 0
        while pending:
            records = [{"Data": ("%d,%s,%d,%s" % (e[0], e[1], e[2], WAVEFORM)).encode(), "PartitionKey": e[1]}
                       for e in pending]
            answer = kinesis.put_records(StreamName=stream, Records=records)
            calls += 1
            pending = [e for e, r in zip(pending, answer["Records"]) if "ErrorCode" in r]
            throttled += len(pending)
            if pending:
                attempt += 1
                base = min(1.0, 0.05 * 2 ** (attempt - 1))
                time.sleep(base / 2 + random.random() * base / 2)
    return calls, throttled


def main(first, last):
    kinesis = boto3.client("kinesis")  # a client may be shared by threads
    stream = os.environ["STREAM"]
    events = feed()[first:last + 1]
    halves = [[e for e in events if int(e[1][-3:]) % 2 == half] for half in (0, 1)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda half: send(kinesis, stream, half), halves))
    print("events %d-%d sent: %d PutRecords calls, %d entries throttled and resent"
          % (first, last, sum(r[0] for r in results), sum(r[1] for r in results)))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
