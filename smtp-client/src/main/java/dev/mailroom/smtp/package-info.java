/**
 * The ESMTP submission client (filled by the SMTP issue).
 */
package dev.mailroom.smtp;
