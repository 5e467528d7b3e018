package dev.mailroom.samples.cli;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.client.TlsOptions;
import dev.mailroom.client.trace.ProtocolTrace;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where and how to connect, shared by the subcommands that talk to a server ({@code @Mixin}). The password is never
 * a command-line argument (other users can read a process's arguments): it comes from an environment variable, a
 * file, or a prompt on the console.
 */
final class ConnectionOptions {
  /** The connection's security, as {@code --security} spells it. */
  enum SecurityMode { plain, starttls, tls }

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost",
      description = "The server's host name (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT",
      description = "The port (default by --security: plain 25, starttls 587, tls 465).")
  Integer port;

  @Option(names = "--security", paramLabel = "MODE", defaultValue = "starttls",
      description = "plain, starttls (required, not opportunistic) or tls (implicit TLS). Default: ${DEFAULT-VALUE}.")
  SecurityMode security;

  @Option(names = "--allow-cleartext-auth",
      description = "With --security plain: send the password to a host that is not loopback without TLS.")
  boolean allowCleartextAuth;

  @Option(names = "--trust-pem", paramLabel = "FILE",
      description = "Trust the CA certificates in this PEM file instead of the JDK's.")
  Path trustPem;

  @Option(names = "--user", paramLabel = "NAME", description = "Authenticate as NAME.")
  String user;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "Read the password from environment variable VAR.")
  String passwordEnv;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "Read the password from the first line of FILE.")
  Path passwordFile;

  @Option(names = "--trace", description = "Print the protocol exchange to standard error (passwords redacted).")
  boolean trace;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Give up on a connection or reply after this many seconds (default: the RFC's, up to 10 minutes).")
  Integer timeoutSeconds;

  @Option(names = "--client-name", paramLabel = "NAME", defaultValue = "localhost",
      description = "The name this client gives in EHLO (default: ${DEFAULT-VALUE}).")
  String clientName;

  /** The endpoint, with the port defaulted by security mode. */
  Endpoint endpoint(int plainPort, int startTlsPort, int tlsPort) {
    return switch (security) {
      case plain -> {
        Endpoint e = Endpoint.plain(host, port == null ? plainPort : port);
        yield allowCleartextAuth ? e.allowingCleartextCredentials() : e;
      }
      case starttls -> Endpoint.startTls(host, port == null ? startTlsPort : port);
      case tls -> Endpoint.implicitTls(host, port == null ? tlsPort : port);
    };
  }

  /** The {@code --timeout} value, when given. */
  Optional<Duration> timeout() {
    return Optional.ofNullable(timeoutSeconds).map(Duration::ofSeconds);
  }

  TlsOptions tls() throws IOException {
    return trustPem == null ? TlsOptions.defaults() : TlsOptions.builder().trustCertificates(trustPem).build();
  }

  /** The trace to standard error when {@code --trace} is given; the transport has already redacted secrets. */
  ProtocolTrace trace(PrintWriter err) {
    return trace ? ProtocolTrace.printing(err::println) : ProtocolTrace.NONE;
  }

  /**
   * The credentials when {@code --user} is given: the password from {@code --password-env}, else
   * {@code --password-file}, else a prompt on the console.
   */
  Optional<Credentials> credentials(CommandLine commandLine) throws IOException {
    if (user == null) {
      if (passwordEnv != null || passwordFile != null) {
        throw new CommandLine.ParameterException(commandLine, "a password option needs --user");
      }
      return Optional.empty();
    }
    return Optional.of(Credentials.password(user, password(commandLine)));
  }

  private String password(CommandLine commandLine) throws IOException {
    if (passwordEnv != null) {
      String value = System.getenv(passwordEnv);
      if (value == null) {
        throw new CommandLine.ParameterException(commandLine, "environment variable " + passwordEnv + " is not set");
      }
      return value;
    }
    if (passwordFile != null) {
      String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String line = end < 0 ? text : text.substring(0, end);
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
    Console console = System.console();
    if (console == null) {
      throw new CommandLine.ParameterException(commandLine,
          "no console to ask for the password: use --password-env VAR or --password-file FILE");
    }
    char[] typed = console.readPassword("Password for %s: ", user);
    if (typed == null) {
      throw new CommandLine.ParameterException(commandLine, "no password given");
    }
    return new String(typed);
  }
}
