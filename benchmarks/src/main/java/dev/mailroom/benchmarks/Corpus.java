package dev.mailroom.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark corpus, in memory: the messages {@code shared/corpus/gen.py} writes, so every library reads the same
 * bytes. The directory comes from {@code -Dmailroom.corpus=DIR}; without it, {@link BenchmarkReport} generates one.
 */
final class Corpus {
  final List<byte[]> messages;
  final long totalBytes;
  final long manifestDecodedBytes;
  final long manifestLeaves;

  private Corpus(List<byte[]> messages, long manifestLeaves, long manifestDecodedBytes) {
    this.messages = List.copyOf(messages);
    long total = 0;
    for (byte[] m : messages) {
      total += m.length;
    }
    this.totalBytes = total;
    this.manifestLeaves = manifestLeaves;
    this.manifestDecodedBytes = manifestDecodedBytes;
  }

  static Corpus load() {
    String dir = System.getProperty("mailroom.corpus");
    if (dir == null) {
      throw new IllegalStateException("set -Dmailroom.corpus=DIR (a gen.py corpus); BenchmarkReport does this");
    }
    return load(Path.of(dir));
  }

  static Corpus load(Path dir) {
    try {
      List<byte[]> messages = new ArrayList<>();
      long leaves = 0;
      long decoded = 0;
      for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"))) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        messages.add(Files.readAllBytes(dir.resolve(f[0])));
        leaves += Long.parseLong(f[2]);
        decoded += Long.parseLong(f[3]);
      }
      return new Corpus(messages, leaves, decoded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code shared/corpus/gen.py} into {@code dir} unless a manifest is already there. */
  static Path generate(Path shared, Path dir, int n, int seed) throws IOException, InterruptedException {
    if (Files.isRegularFile(dir.resolve("MANIFEST.tsv"))) {
      return dir;
    }
    Files.createDirectories(dir);
    Process p = new ProcessBuilder("python3", shared.resolve("corpus/gen.py").toString(), "--n", String.valueOf(n),
        "--seed", String.valueOf(seed), "--out", dir.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("gen.py failed");
    }
    return dir;
  }

  static boolean isCorpusDir(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().equals("MANIFEST.tsv"));
    } catch (IOException e) {
      return false;
    }
  }
}
