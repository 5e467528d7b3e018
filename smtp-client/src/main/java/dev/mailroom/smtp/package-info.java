/**
 * The ESMTP submission client: {@link dev.mailroom.smtp.SmtpClient} opens {@link dev.mailroom.smtp.SmtpSession}s.
 */
package dev.mailroom.smtp;
