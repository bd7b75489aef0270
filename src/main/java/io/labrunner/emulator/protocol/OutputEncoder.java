package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Encodes a handler's output (maps, lists, {@link Instant}s, JSON trees, or types a service
 * registers serializers for) in JSON or CBOR, leaving out null members as AWS does.
 */
final class OutputEncoder {
    private final ObjectMapper json;
    private final ObjectMapper cbor;
    private final ObjectMapper rpcV2Cbor;

    OutputEncoder(List<Module> modules) {
        this.json = configure(new ObjectMapper(), modules, new Timestamps.InstantSerializer());
        this.cbor = configure(new CBORMapper(), modules, new Timestamps.InstantSerializer());
        this.rpcV2Cbor = configure(new CBORMapper(), modules, new Timestamps.EpochSecondsSerializer());
    }

    private static ObjectMapper configure(ObjectMapper mapper, List<Module> modules,
            com.fasterxml.jackson.databind.JsonSerializer<Instant> timestamps) {
        mapper.registerModule(new SimpleModule("aws-timestamps").addSerializer(Instant.class, timestamps));
        modules.forEach(mapper::registerModule);
        return mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.NON_NULL));
    }

    byte[] encode(Object output, WireFormat format) {
        try {
            ObjectMapper mapper = switch (format) {
                case JSON -> json;
                case CBOR -> cbor;
                case RPC_V2_CBOR -> rpcV2Cbor;
            };
            return mapper.writeValueAsBytes(output);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode an operation's output", e);
        }
    }
}
