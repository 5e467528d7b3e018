package dev.mailroom.client.internal.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Our own check that the server certificate names the host we dialled (RFC 6125 §6: subjectAltName dNSName with a
 * wildcard only as the whole left-most label, or an iPAddress for IP literals; the CN is not consulted). It runs
 * after the JDK's own endpoint identification, so even a caller-supplied {@code SSLContext} whose trust manager
 * accepts everything cannot switch host name verification off (SECURITY.md T11).
 */
final class HostnameCheck {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private HostnameCheck() { }

  static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
  }

  static boolean matches(String host, X509Certificate certificate) {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return false;
    }
    if (names == null) {
      return false;
    }
    boolean ip = isIpLiteral(host);
    for (List<?> entry : names) {
      if (entry.size() < 2 || !(entry.get(0) instanceof Integer type) || !(entry.get(1) instanceof String value)) {
        continue;
      }
      if (ip && type == SAN_IP && sameAddress(host, value)) {
        return true;
      }
      if (!ip && type == SAN_DNS && dnsMatches(host, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameAddress(String host, String san) {
    try {
      return InetAddress.getByName(host).equals(InetAddress.getByName(san)); // both are literals: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean dnsMatches(String host, String pattern) {
    String h = trimDot(host.toLowerCase(Locale.ROOT));
    String p = trimDot(pattern.toLowerCase(Locale.ROOT));
    if (h.isEmpty() || p.isEmpty()) {
      return false;
    }
    if (!p.startsWith("*.")) {
      return h.equals(p);
    }
    String suffix = p.substring(1); // ".example.org"
    if (suffix.indexOf('*') >= 0 || suffix.chars().filter(c -> c == '.').count() < 2) {
      return false; // "*.org" or nested wildcards are never accepted
    }
    int firstDot = h.indexOf('.');
    return firstDot > 0 && h.substring(firstDot).equals(suffix);
  }

  private static String trimDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
