package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Timestamps as the AWS JSON protocols carry them: epoch seconds with a fraction in JSON, and CBOR
 * tag 1 over epoch milliseconds in CBOR (what SDK v2's {@code SdkCborGenerator} writes and its CBOR
 * protocol reads).
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** Writes {@code millis} in the generator's format; for serializers of service-specific output types. */
    public static void write(JsonGenerator gen, long millis) throws IOException {
        if (gen instanceof CBORGenerator cbor) {
            cbor.writeTag(1);
            cbor.writeNumber(millis);
        } else {
            gen.writeNumber(BigDecimal.valueOf(millis, 3));
        }
    }

    /** Serializes {@link Instant} output members. */
    static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(gen, value.toEpochMilli());
        }
    }

    /**
     * Serializes {@link Instant} output members for Smithy RPC v2 CBOR: tag 1 over epoch seconds as a double, as
     * the protocol specifies and SDK v2's {@code SdkRpcV2CborGenerator} writes them.
     */
    static final class EpochSecondsSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        EpochSecondsSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (gen instanceof CBORGenerator cbor) {
                cbor.writeTag(1);
            }
            gen.writeNumber(value.toEpochMilli() / 1000.0);
        }
    }
}
