/**
 * The protocol-neutral SASL exchange driver shared by the protocol modules (not public API).
 */
package dev.mailroom.client.internal.sasl;
