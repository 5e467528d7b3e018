package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.sasl.SaslStep;
import dev.mailroom.client.internal.sasl.SaslWire;
import dev.mailroom.client.internal.transport.Sensitivity;
import dev.mailroom.imap.Capability;
import dev.mailroom.imap.ImapCommandException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * IMAP {@code AUTHENTICATE} framing (RFC 3501 §6.2.2, RFC 4959 SASL-IR, RFC 9051 §6.2.2): {@code +} challenges,
 * base64 answer lines, {@code *} to cancel, tagged OK (optionally with {@code [CAPABILITY ...]}) for success. A NO or
 * BAD is the SASL failure the driver turns into an authentication error.
 */
final class ImapSaslWire implements SaslWire {
  private final RealImapSession s;
  private PendingCommand<Void> command;

  ImapSaslWire(RealImapSession session) {
    this.s = session;
  }

  @Override
  public boolean supportsInitialResponse(String mechanism, int encodedLength) {
    return s.state.has(Capability.SASL_IR) && encodedLength < 8000;
  }

  @Override
  public void start(String mechanism, byte[] initialResponse) throws MailException {
    command = s.submit("AUTHENTICATE", PendingCommand.BARRIER | PendingCommand.INTERACTIVE,
        SessionCommands::capabilitiesFromCode, () -> {
          var enc = s.state.encoder("AUTHENTICATE").sp().atom(mechanism);
          if (initialResponse != null) {
            enc.sp().secret().raw(initialResponse.length == 0 ? "="
                : Base64.getEncoder().encodeToString(initialResponse));
          }
          return enc.build();
        });
  }

  @Override
  public SaslStep next() throws MailException {
    Object next;
    try {
      next = command.continuations.poll(s.client.timeouts().command().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailException("interrupted during AUTHENTICATE");
    }
    if (next == null) {
      MailException t = new dev.mailroom.client.MailTimeoutException("no answer to AUTHENTICATE");
      s.pipeline.fail(t);
      throw t;
    }
    if (next instanceof MailException e) {
      throw e;
    }
    if (next instanceof String text) {
      return SaslStep.challenge(text.trim());
    }
    try {
      command.future.get();
      return SaslStep.success();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailException("interrupted during AUTHENTICATE");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ImapCommandException ice) {
        return SaslStep.failure(ice);
      }
      throw PendingCommand.unwrap(e.getCause());
    }
  }

  @Override
  public void respond(byte[] response) throws MailException {
    String line = response.length == 0 ? "" : Base64.getEncoder().encodeToString(response);
    s.pipeline.writeContinuationLine(line.getBytes(StandardCharsets.US_ASCII), Sensitivity.SECRET);
  }

  @Override
  public void cancel() throws MailException {
    s.pipeline.writeContinuationLine("*".getBytes(StandardCharsets.US_ASCII), Sensitivity.PUBLIC);
    try {
      command.await();
    } catch (ImapCommandException expected) {
      return;
    }
    MailProtocolException e = new MailProtocolException("the server accepted a cancelled AUTHENTICATE");
    s.pipeline.fail(e);
    throw e;
  }
}
