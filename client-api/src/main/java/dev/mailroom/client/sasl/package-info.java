/**
 * SASL mechanisms and negotiation.
 */
package dev.mailroom.client.sasl;
