/**
 * The emulator's TLS: a self-signed certificate for loopback kept in the data folder, and the one port
 * that answers both HTTPS and plain HTTP, so that a policy's {@code aws:SecureTransport} is judged from
 * the connection a client really used.
 */
package io.labrunner.emulator.tls;
