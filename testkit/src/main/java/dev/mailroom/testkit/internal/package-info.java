/**
 * Certificate minting with Bouncy Castle for {@link dev.mailroom.testkit.TestCertificates}; not exported.
 */
package dev.mailroom.testkit.internal;
