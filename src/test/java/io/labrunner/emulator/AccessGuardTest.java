package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Host headers name this machine. */
class AccessGuardTest {
    private final AccessGuard loopback = new AccessGuard("127.0.0.1", null);

    @Test
    void loopbackNamesAreAllowedWithOrWithoutAPort() {
        assertThat(loopback.allowedHost("127.0.0.1")).isTrue();
        assertThat(loopback.allowedHost("127.0.0.1:4566")).isTrue();
        assertThat(loopback.allowedHost("LOCALHOST:4566")).isTrue();
        assertThat(loopback.allowedHost("[::1]:4566")).isTrue();
        assertThat(loopback.allowedHost("my-bucket.localhost:4566")).isTrue();
        assertThat(loopback.allowedHost("my-bucket.s3.localhost:4566")).isTrue();
        assertThat(loopback.allowedHost("my.bucket.s3.eu-west-1.localhost")).isTrue();
    }

    @Test
    void namesThatOnlyLookLikeLoopbackAreRefused() {
        assertThat(loopback.allowedHost("localhost.evil.example")).isFalse();
        assertThat(loopback.allowedHost("my-bucket.localhost.evil.example:4566")).isFalse();
        assertThat(loopback.allowedHost("my-bucket.s3.amazonaws.com")).isFalse();
        assertThat(loopback.allowedHost("127.0.0.1.evil.example")).isFalse();
        assertThat(loopback.allowedHost("evil.example:4566")).isFalse();
        assertThat(loopback.allowedHost("0.0.0.0:4566")).isFalse();
        assertThat(loopback.allowedHost("[::1")).isFalse();
    }

    @Test
    void aHostTheEmulatorWasExplicitlyBoundToIsAllowed() {
        AccessGuard lan = new AccessGuard("192.168.1.5", null);

        assertThat(lan.allowedHost("192.168.1.5:4566")).isTrue();
        assertThat(lan.allowedHost("192.168.1.6:4566")).isFalse();
    }

    @Test
    void aWildcardBindAllowsNoExtraName() {
        AccessGuard any = new AccessGuard("0.0.0.0", null);

        assertThat(any.allowedHost("0.0.0.0:4566")).isFalse();
        assertThat(any.allowedHost("localhost:4566")).isTrue();
    }
}
