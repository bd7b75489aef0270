package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.labrunner.emulator.protocol.Timestamps;
import java.io.IOException;

/**
 * A GetRecords record, written field by field: a response holds up to 10,000 of them, and going
 * through a map per record made serialization the larger part of a GetRecords call.
 */
final class RecordSerializer extends StdSerializer<StoredRecord> {
    private static final long serialVersionUID = 1L;

    private RecordSerializer() {
        super(StoredRecord.class);
    }

    /** The module the protocol core registers for Kinesis's output. */
    static SimpleModule module() {
        return new SimpleModule("kinesis-records").addSerializer(StoredRecord.class, new RecordSerializer());
    }

    @Override
    public void serialize(StoredRecord r, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("SequenceNumber", r.sequenceNumber());
        gen.writeFieldName("ApproximateArrivalTimestamp");
        Timestamps.write(gen, r.arrivalMillis());
        gen.writeFieldName("Data");
        gen.writeBinary(r.data());
        gen.writeStringField("PartitionKey", r.partitionKey());
        gen.writeEndObject();
    }
}
