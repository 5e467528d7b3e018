/**
 * Immutable MIME messages and entities, and the builder (filled by the MIME issue).
 */
package dev.mailroom.mime;
