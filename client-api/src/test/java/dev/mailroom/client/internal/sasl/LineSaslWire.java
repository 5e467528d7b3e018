package dev.mailroom.client.internal.sasl;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.mailroom.client.MailAuthenticationException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.LineTransport;
import dev.mailroom.client.internal.transport.Sensitivity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A minimal SASL framing for the lab tests of this issue: IMAP AUTHENTICATE and SMTP AUTH over the raw transport.
 * The real protocol clients bring their own; this one exists to prove the transport, the trace and the SASL driver
 * against Dovecot and Postfix. It records every base64 text it sent, so tests can look for them in the trace.
 */
abstract class LineSaslWire implements SaslWire {
  final LineTransport transport;
  final List<String> sentSecrets = new ArrayList<>();
  UnaryOperator<String> challengeFilter = UnaryOperator.identity();

  LineSaslWire(LineTransport transport) {
    this.transport = transport;
  }

  String encode(byte[] bytes) {
    String text = bytes.length == 0 ? "=" : Base64.getEncoder().encodeToString(bytes);
    sentSecrets.add(text);
    return text;
  }

  @Override
  public void respond(byte[] response) throws IOException {
    String line = response.length == 0 ? "" : Base64.getEncoder().encodeToString(response);
    if (!line.isEmpty()) {
      sentSecrets.add(line);
    }
    transport.writeLine(line, Sensitivity.SECRET);
    transport.flush();
  }

  String readLine() throws IOException {
    return new String(transport.readLine(), US_ASCII);
  }

  /** IMAP AUTHENTICATE (RFC 9051 §6.2.2) with SASL-IR (RFC 4959). */
  static final class Imap extends LineSaslWire {
    private final String tag;

    Imap(LineTransport transport, String tag) {
      super(transport);
      this.tag = tag;
    }

    @Override
    public boolean supportsInitialResponse(String mechanism, int encodedLength) {
      return true; // the lab's Dovecot advertises SASL-IR
    }

    @Override
    public void start(String mechanism, byte[] initialResponse) throws IOException {
      String command = tag + " AUTHENTICATE " + mechanism;
      String line = initialResponse == null ? command : command + " " + encode(initialResponse);
      transport.writeLine(line, Sensitivity.revealing(command.length() + 1));
      transport.flush();
    }

    @Override
    public SaslStep next() throws IOException {
      while (true) {
        String line = readLine();
        if (line.equals("+") || line.startsWith("+ ")) {
          return SaslStep.challenge(challengeFilter.apply(line.length() > 2 ? line.substring(2) : ""));
        }
        if (line.startsWith(tag + " OK")) {
          return SaslStep.success();
        }
        if (line.startsWith(tag + " ")) {
          return SaslStep.failure(new MailAuthenticationException("IMAP server refused: " + line));
        }
        if (!line.startsWith("* ")) {
          throw new MailProtocolException("unexpected line during AUTHENTICATE: " + line);
        }
      }
    }

    @Override
    public void cancel() throws IOException {
      transport.writeLine("*", Sensitivity.PUBLIC);
      transport.flush();
      String line;
      do {
        line = readLine();
      } while (!line.startsWith(tag + " "));
      if (line.startsWith(tag + " OK")) {
        throw new MailProtocolException("server accepted a cancelled exchange");
      }
    }
  }

  /** SMTP AUTH (RFC 4954). */
  static final class Smtp extends LineSaslWire {
    Smtp(LineTransport transport) {
      super(transport);
    }

    @Override
    public boolean supportsInitialResponse(String mechanism, int encodedLength) {
      return "AUTH ".length() + mechanism.length() + 1 + encodedLength + 2 <= 512;
    }

    @Override
    public void start(String mechanism, byte[] initialResponse) throws IOException {
      String command = "AUTH " + mechanism;
      String line = initialResponse == null ? command : command + " " + encode(initialResponse);
      transport.writeLine(line, Sensitivity.revealing(command.length() + 1));
      transport.flush();
    }

    @Override
    public SaslStep next() throws IOException {
      String line = readLine();
      if (line.length() > 3 && line.charAt(3) == '-') {
        throw new MailProtocolException("multi-line reply during AUTH: " + line);
      }
      if (line.startsWith("334 ") || line.equals("334")) {
        return SaslStep.challenge(challengeFilter.apply(line.length() > 4 ? line.substring(4) : ""));
      }
      if (line.startsWith("235")) {
        return SaslStep.success();
      }
      return SaslStep.failure(new MailAuthenticationException("SMTP server refused: " + line));
    }

    @Override
    public void cancel() throws IOException {
      transport.writeLine("*", Sensitivity.PUBLIC);
      transport.flush();
      if (readLine().startsWith("235")) {
        throw new MailProtocolException("server accepted a cancelled exchange");
      }
    }
  }
}
