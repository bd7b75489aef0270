package io.labrunner.labs.mlpipeline;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whether an object is Parquet, read from its bytes rather than from a catalog entry or a file name: a Parquet file
 * starts and ends with the magic bytes {@code PAR1}. Only those eight bytes are fetched, with two ranged GETs.
 */
final class ParquetMagic {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private ParquetMagic() {
    }

    static boolean isParquet(S3Client s3, String bucket, String key) {
        byte[] head = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key).range("bytes=0-3")).asByteArray();
        byte[] tail = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key).range("bytes=-4")).asByteArray();
        return startsWithMagic(head) && startsWithMagic(tail);
    }

    static boolean startsWithMagic(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
