package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Virtual-hosted-style addressing, where the bucket is the first labels of the Host and the path is the key:
 * {@code <bucket>.localhost}, {@code <bucket>.s3.localhost} and {@code <bucket>.s3.<region>.localhost}, with any
 * port. Every other Host ({@code localhost}, {@code s3.localhost}, {@code 127.0.0.1}, the address the emulator is
 * bound to) is path-style. S3Proxy serves path-style only, so such a request reaches it with the bucket moved into
 * the path; signatures are checked before that, on the request as sent.
 */
public final class VirtualHostedStyle {
    private static final Pattern HOST = Pattern.compile(
            "(?:(?<bucket>.+?)\\.)??(?:s3(?:\\.[a-z]{2}(?:-[a-z]+)+-\\d+)?\\.)?localhost");

    private VirtualHostedStyle() {
    }

    /** The bucket a Host header names, or null when the request is path-style. */
    public static String bucketOf(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return null; // an IPv6 literal
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        Matcher matcher = HOST.matcher(host);
        return matcher.matches() ? matcher.group("bucket") : null;
    }

    /** The request's path as path-style spells it: {@code /<bucket>} before the path of a virtual-hosted one. */
    public static String pathStyleUri(HttpServletRequest request) {
        String bucket = bucketOf(request.getHeader("Host"));
        String uri = request.getRequestURI();
        return bucket == null ? uri : "/" + URLEncoder.encode(bucket, StandardCharsets.UTF_8) + uri;
    }

    /** The request as S3Proxy reads it: path-style. */
    static HttpServletRequest pathStyle(HttpServletRequest request) {
        String bucket = bucketOf(request.getHeader("Host"));
        if (bucket == null) {
            return request;
        }
        String uri = pathStyleUri(request);
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return uri;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(getScheme() + "://" + getHeader("Host") + getRequestURI());
            }
        };
    }
}
