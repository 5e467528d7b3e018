/**
 * The streaming MIME pull parser (filled by the MIME issue).
 */
package dev.mailroom.mime.parse;
