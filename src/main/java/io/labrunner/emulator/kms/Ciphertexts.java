package io.labrunner.emulator.kms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The emulator's ciphertext blobs: AES-256-GCM through the JDK, with a header that says which key and which version
 * of its material sealed them, so that Decrypt needs no KeyId and rotated keys still open old blobs.
 *
 * <pre>
 * byte  0      format (1)
 * bytes 1..36  key id (a UUID, ASCII)
 * bytes 37..40 material version (big-endian int)
 * bytes 41..52 GCM nonce (random)
 * bytes 53..   AES-GCM ciphertext with its 16-byte tag
 * </pre>
 * The additional authenticated data is the header followed by the encryption context (its pairs sorted by key,
 * each string length-prefixed): a changed header byte, another context or another key's material all fail the tag.
 */
final class Ciphertexts {
    private static final byte FORMAT = 1;
    private static final int KEY_ID_LENGTH = 36;
    private static final int HEADER_LENGTH = 1 + KEY_ID_LENGTH + 4;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a blob's header says. */
    record Header(String keyId, int materialVersion) {
    }

    private Ciphertexts() {
    }

    /** 32 random bytes: new key material, or a data key. */
    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] seal(String keyId, int materialVersion, byte[] material, byte[] plaintext,
            Map<String, String> context) {
        byte[] header = ByteBuffer.allocate(HEADER_LENGTH).put(FORMAT)
                .put(keyId.getBytes(StandardCharsets.US_ASCII)).putInt(materialVersion).array();
        byte[] nonce = randomBytes(NONCE_LENGTH);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(material, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_LENGTH + NONCE_LENGTH + sealed.length).put(header).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** The header of a blob in this format, or empty for anything else. */
    static Optional<Header> header(byte[] blob) {
        if (blob == null || blob.length < HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8 || blob[0] != FORMAT) {
            return Optional.empty();
        }
        String keyId = new String(blob, 1, KEY_ID_LENGTH, StandardCharsets.US_ASCII);
        if (!KeyIds.isKeyId(keyId)) {
            return Optional.empty();
        }
        return Optional.of(new Header(keyId, ByteBuffer.wrap(blob, 1 + KEY_ID_LENGTH, 4).getInt()));
    }

    /** The plaintext, or empty when the tag does not verify (wrong material, context, or a changed byte). */
    static Optional<byte[]> open(byte[] blob, byte[] material, Map<String, String> context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(material, "AES"),
                    new GCMParameterSpec(TAG_BITS, blob, HEADER_LENGTH, NONCE_LENGTH));
            cipher.updateAAD(blob, 0, HEADER_LENGTH);
            cipher.updateAAD(aad(context));
            int offset = HEADER_LENGTH + NONCE_LENGTH;
            return Optional.of(cipher.doFinal(blob, offset, blob.length - offset));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** The encryption context as bytes: sorted pairs, each string length-prefixed so that no two contexts collide. */
    private static byte[] aad(Map<String, String> context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (context != null) {
            for (Map.Entry<String, String> pair : new TreeMap<>(context).entrySet()) {
                write(out, pair.getKey());
                write(out, pair.getValue());
            }
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
