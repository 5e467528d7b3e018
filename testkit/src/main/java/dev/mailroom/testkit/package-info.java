/**
 * Scripted fake mail servers (MockWebServer style) and runtime test certificates.
 *
 * <ul>
 *   <li>{@link dev.mailroom.testkit.MockMailServer}: the protocol-neutral server: lifecycle, recording
 *       ({@link dev.mailroom.testkit.RecordedCommand}, {@link dev.mailroom.testkit.RecordedPayload},
 *       {@link dev.mailroom.testkit.RecordedHandshake}) and failures.</li>
 *   <li>{@link dev.mailroom.testkit.MockSmtpServer}: SMTP on top: fail-fast {@code 500}, automatic DATA and BDAT
 *       framing, received bodies as {@link dev.mailroom.testkit.RecordedMessage}s.</li>
 *   <li>{@link dev.mailroom.testkit.MockReply} with {@link dev.mailroom.testkit.SocketEffect} and
 *       {@link dev.mailroom.testkit.NextRead}: what the server writes, does to the socket, and reads next.</li>
 *   <li>{@link dev.mailroom.testkit.Dispatcher}: who chooses replies; {@link dev.mailroom.testkit.QueueDispatcher}
 *       (enqueue, fail fast) and {@link dev.mailroom.testkit.Transcript} (strict script).</li>
 *   <li>{@link dev.mailroom.testkit.TestCertificates}: a test CA, a good {@code localhost} certificate and the bad
 *       variants of SECURITY.md T10.</li>
 * </ul>
 *
 * <p>Nothing here shares code with Mailroom's clients: the server reads client input with its own strict, bounded
 * reader, so a client bug is never mirrored.
 */
package dev.mailroom.testkit;
