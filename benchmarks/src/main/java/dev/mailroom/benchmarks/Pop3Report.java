package dev.mailroom.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;

/** Prints the POP3 retrieval results: MB/s per library and latency, and Mailroom's speed as a multiple of each peer. */
final class Pop3Report {
  private Pop3Report() { }

  static void print(List<RunResult> results, long bytes) {
    Map<Integer, Map<String, double[]>> byLatency = new TreeMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      String library = method.substring(method.lastIndexOf('_') + 1);
      int latency = Integer.parseInt(result.getParams().getParam("latencyMs"));
      double ms = toMillis(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit());
      double error = toMillis(result.getPrimaryResult().getScoreError(), result.getPrimaryResult().getScoreUnit());
      byLatency.computeIfAbsent(latency, k -> new TreeMap<>()).put(library, new double[] {ms, error});
    }
    System.out.println();
    System.out.printf("POP3 retrieval of %d messages (%.1f MB) from Dovecot on loopback, one session per operation;"
        + " latency = added each way by the proxy (0: direct)%n", Pop3BenchMailbox.COUNT, bytes / 1e6);
    System.out.printf("%-8s %-11s %16s %9s %12s %12s%n", "latency", "library", "ms/op", "MB/s", "x angus",
        "x commonsnet");
    for (var entry : byLatency.entrySet()) {
      Map<String, double[]> libraries = entry.getValue();
      double[] mailroom = libraries.get("mailroom");
      for (var library : libraries.entrySet()) {
        double ms = library.getValue()[0];
        String error = Double.isNaN(library.getValue()[1]) ? "" : String.format("±%.1f", library.getValue()[1]);
        boolean isMailroom = library.getKey().equals("mailroom");
        System.out.printf("%-8s %-11s %9.1f%-7s %9.1f %12s %12s%n", entry.getKey() + " ms", library.getKey(), ms,
            error, bytes / 1e6 / (ms / 1000), isMailroom ? ratio(libraries.get("angus"), mailroom) : "",
            isMailroom ? ratio(libraries.get("commonsnet"), mailroom) : "");
      }
    }
    System.out.println();
    for (var entry : byLatency.entrySet()) {
      double[] mailroom = entry.getValue().get("mailroom");
      for (String peer : List.of("angus", "commonsnet")) {
        double[] p = entry.getValue().get(peer);
        if (mailroom != null && p != null) {
          System.out.printf("ratio at %d ms: Mailroom MB/s / %s MB/s = %s%n", entry.getKey(), peer,
              ratio(p, mailroom));
        }
      }
    }
    System.out.println("x peer = Mailroom MB/s / that peer's MB/s = peer time / Mailroom time (above 1: Mailroom is"
        + " faster)");
  }

  private static String ratio(double[] peer, double[] mailroom) {
    return peer == null || mailroom == null ? "" : String.format("%.2fx", peer[0] / mailroom[0]);
  }

  private static double toMillis(double score, String unit) {
    return switch (unit) {
      case "ms/op" -> score;
      case "s/op" -> score * 1e3;
      case "us/op" -> score / 1e3;
      default -> throw new IllegalStateException("unexpected time unit " + unit);
    };
  }
}
