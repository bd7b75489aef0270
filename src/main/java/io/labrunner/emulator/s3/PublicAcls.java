package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;

/**
 * Block Public Access's BlockPublicAcls: a request that would set a public ACL (a canned public-read,
 * public-read-write or authenticated-read, or a grant to the AllUsers or AuthenticatedUsers group) on the
 * bucket or one of its objects is refused with AccessDenied (S3 User Guide, "Blocking public access to your
 * Amazon S3 storage"). An ACL sent as an XML body (PutObjectAcl with AccessControlPolicy) is not inspected.
 */
final class PublicAcls {
    private static final Set<String> PUBLIC_CANNED = Set.of("public-read", "public-read-write", "authenticated-read");
    private static final List<String> GRANT_HEADERS = List.of("x-amz-grant-read", "x-amz-grant-write",
            "x-amz-grant-read-acp", "x-amz-grant-write-acp", "x-amz-grant-full-control");

    private PublicAcls() {
    }

    static void refuseIfBlocked(HttpServletRequest request, PublicAccessBlock block) {
        if (block == null || !block.blockPublicAcls() || !isWrite(request.getMethod())) {
            return;
        }
        String canned = request.getHeader("x-amz-acl");
        boolean isPublic = canned != null && PUBLIC_CANNED.contains(canned);
        for (String header : GRANT_HEADERS) {
            String grant = request.getHeader(header);
            isPublic |= grant != null && grant.contains("http://acs.amazonaws.com/groups/global/");
        }
        if (isPublic) {
            throw S3Errors.accessDenied("Access Denied");
        }
    }

    private static boolean isWrite(String method) {
        return "PUT".equals(method) || "POST".equals(method);
    }
}
