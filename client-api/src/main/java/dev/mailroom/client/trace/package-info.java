/**
 * The protocol trace: what crossed the wire, redacted. See {@link dev.mailroom.client.trace.ProtocolTrace}.
 */
package dev.mailroom.client.trace;
