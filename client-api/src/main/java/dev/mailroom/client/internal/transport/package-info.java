/**
 * The line transport shared by the protocol modules (not public API).
 */
package dev.mailroom.client.internal.transport;
