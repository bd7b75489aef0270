package io.labrunner.emulator.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * DeleteObjects as IAM authorizes it: s3:DeleteObject (s3:DeleteObjectVersion with a VersionId) on each key
 * the body names. S3 answers a denied key among others with a per-key error; here one denied key denies the
 * whole request, so that nothing a denied request names is deleted.
 */
final class DeleteObjectsAccess {
    private DeleteObjectsAccess() {
    }

    static List<S3Access> of(String bucket, byte[] body) {
        Element root = SmallXml.parse(body);
        List<S3Access> accesses = new ArrayList<>();
        for (Element object : SmallXml.children(root, "Object")) {
            String key = SmallXml.text(object, "Key");
            if (key == null || key.isEmpty()) {
                throw S3Errors.malformedXml();
            }
            String version = SmallXml.text(object, "VersionId");
            accesses.add(version == null ? new S3Access("s3:DeleteObject", bucket, key, Map.of())
                    : new S3Access("s3:DeleteObjectVersion", bucket, key, Map.of("s3:versionid", List.of(version))));
        }
        return accesses;
    }
}
