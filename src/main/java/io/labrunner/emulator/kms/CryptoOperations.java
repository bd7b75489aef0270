package io.labrunner.emulator.kms;

import io.labrunner.emulator.AwsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encryption under KMS keys: Encrypt, Decrypt, ReEncrypt, data keys and random bytes. Blobs carry their key, so
 * Decrypt needs no KeyId; the encryption context is authenticated, so Decrypt must be given the same one.
 */
final class CryptoOperations {
    private static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

    private final KmsKeys keys;

    CryptoOperations(KmsKeys keys) {
        this.keys = keys;
    }

    Object encrypt(Input input, String region) {
        byte[] plaintext = input.blob("Plaintext");
        synchronized (keys) {
            KmsKey key = usableKey(input.text("KeyId"), region, input.text("EncryptionAlgorithm"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("CiphertextBlob", keys.seal(key, plaintext, input.stringMap("EncryptionContext")));
            out.put("KeyId", key.arn());
            out.put("EncryptionAlgorithm", SYMMETRIC_DEFAULT);
            return out;
        }
    }

    Object decrypt(Input input, String region) {
        byte[] blob = input.blob("CiphertextBlob");
        if (blob == null) {
            throw KmsErrors.validation("1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        synchronized (keys) {
            KmsKey named = input.text("KeyId") == null ? null : keys.find(region, input.text("KeyId"), true);
            checkAlgorithm(input.text("EncryptionAlgorithm"));
            KmsKeys.Opened opened = open(blob, input.stringMap("EncryptionContext"), region, named);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("KeyId", opened.key().arn());
            out.put("Plaintext", opened.plaintext());
            out.put("EncryptionAlgorithm", SYMMETRIC_DEFAULT);
            return out;
        }
    }

    Object reEncrypt(Input input, String region) {
        byte[] blob = input.blob("CiphertextBlob");
        if (blob == null) {
            throw KmsErrors.validation("1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        synchronized (keys) {
            KmsKey source = input.text("SourceKeyId") == null ? null
                    : keys.find(region, input.text("SourceKeyId"), true);
            checkAlgorithm(input.text("SourceEncryptionAlgorithm"));
            KmsKey destination = usableKey(input.text("DestinationKeyId"), region,
                    input.text("DestinationEncryptionAlgorithm"));
            KmsKeys.Opened opened = open(blob, input.stringMap("SourceEncryptionContext"), region, source);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("CiphertextBlob", keys.seal(destination, opened.plaintext(),
                    input.stringMap("DestinationEncryptionContext")));
            out.put("SourceKeyId", opened.key().arn());
            out.put("KeyId", destination.arn());
            out.put("SourceEncryptionAlgorithm", SYMMETRIC_DEFAULT);
            out.put("DestinationEncryptionAlgorithm", SYMMETRIC_DEFAULT);
            return out;
        }
    }

    Object generateDataKey(Input input, String region, boolean withPlaintext) {
        int bytes = dataKeyBytes(input);
        synchronized (keys) {
            KmsKey key = usableKey(input.text("KeyId"), region, null);
            byte[] plaintext = Ciphertexts.randomBytes(bytes);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("CiphertextBlob", keys.seal(key, plaintext, input.stringMap("EncryptionContext")));
            if (withPlaintext) {
                out.put("Plaintext", plaintext);
            }
            out.put("KeyId", key.arn());
            return out;
        }
    }

    Object generateRandom(Input input) {
        Integer bytes = input.integer("NumberOfBytes");
        if (bytes == null) {
            throw KmsErrors.validation("NumberOfBytes is required.");
        }
        return Map.of("Plaintext", Ciphertexts.randomBytes(bytes));
    }

    /** KeySpec AES_256 / AES_128, or NumberOfBytes: exactly one of them (GenerateDataKey's documentation). */
    private static int dataKeyBytes(Input input) {
        String spec = input.text("KeySpec");
        Integer count = input.integer("NumberOfBytes");
        if ((spec == null) == (count == null)) {
            throw KmsErrors.validation("Please specify either number of bytes or key spec.");
        }
        if (count != null) {
            return count;
        }
        return "AES_128".equals(spec) ? 16 : 32;
    }

    /** The key {@code id} names, enabled, for an operation under {@code algorithm} (symmetric only). */
    private KmsKey usableKey(String id, String region, String algorithm) {
        KmsKey key = KmsKeys.requireEnabled(keys.find(region, id, true));
        checkAlgorithm(algorithm);
        return key;
    }

    private static void checkAlgorithm(String algorithm) {
        if (algorithm != null && !SYMMETRIC_DEFAULT.equals(algorithm)) {
            throw new AwsException("InvalidKeyUsageException",
                    "Algorithm " + algorithm + " is incompatible with key spec SYMMETRIC_DEFAULT.", 400);
        }
    }

    /** Opens a blob of a key of this region; the key named in the request, if any, must be the blob's. */
    private KmsKeys.Opened open(byte[] blob, Map<String, String> context, String region, KmsKey named) {
        if (named != null) {
            Ciphertexts.Header header = Ciphertexts.header(blob).orElseThrow(KmsErrors::invalidCiphertext);
            if (!header.keyId().equals(named.keyId())) {
                throw KmsErrors.incorrectKey();
            }
        }
        return keys.open(blob, context, region);
    }
}
