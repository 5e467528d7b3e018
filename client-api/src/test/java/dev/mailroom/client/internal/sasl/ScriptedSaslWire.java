package dev.mailroom.client.internal.sasl;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/**
 * An in-memory {@link SaslWire} for driver tests: replays scripted server steps and records what the client did as
 * lines such as {@code "START PLAIN AGFsaWNl"}, {@code "START LOGIN"}, {@code "RESPOND dGlt"}, {@code "CANCEL"}. An
 * empty initial response is recorded as {@code "="}, as the protocols send it; an empty response as
 * {@code "RESPOND "}. It keeps every array the driver
 * handed over so tests can check they were zeroed afterwards.
 */
final class ScriptedSaslWire implements SaslWire {
  private static final Object NULL_STEP = new Object();

  private final Deque<Object> script = new ArrayDeque<>();
  private final List<String> log = new ArrayList<>();
  private final List<byte[]> handedOver = new ArrayList<>();
  private final int maxInitialResponseChars;
  private IOException cancelFailure;

  /** A wire whose start command carries initial responses up to {@code maxInitialResponseChars} base64 chars. */
  ScriptedSaslWire(int maxInitialResponseChars) {
    this.maxInitialResponseChars = maxInitialResponseChars;
  }

  static ScriptedSaslWire withInitialResponse() {
    return new ScriptedSaslWire(Integer.MAX_VALUE);
  }

  static ScriptedSaslWire withoutInitialResponse() {
    return new ScriptedSaslWire(-1);
  }

  ScriptedSaslWire then(SaslStep step) {
    script.add(step == null ? NULL_STEP : step);
    return this;
  }

  ScriptedSaslWire thenChallenge(String base64) {
    return then(SaslStep.challenge(base64));
  }

  ScriptedSaslWire thenThrow(IOException e) {
    script.add(e);
    return this;
  }

  ScriptedSaslWire failCancelWith(IOException e) {
    this.cancelFailure = e;
    return this;
  }

  List<String> log() {
    return log;
  }

  List<byte[]> handedOver() {
    return handedOver;
  }

  int unusedSteps() {
    return script.size();
  }

  @Override
  public boolean supportsInitialResponse(String mechanism, int encodedLength) {
    return encodedLength <= maxInitialResponseChars;
  }

  @Override
  public void start(String mechanism, byte[] initialResponse) {
    if (initialResponse == null) {
      log.add("START " + mechanism);
    } else {
      handedOver.add(initialResponse);
      log.add("START " + mechanism + " " + encode(initialResponse));
    }
  }

  @Override
  public SaslStep next() throws IOException {
    Object step = script.poll();
    if (step == null) {
      throw new AssertionError("the driver read past the end of the script; log so far: " + log);
    }
    if (step instanceof IOException e) {
      throw e;
    }
    return step == NULL_STEP ? null : (SaslStep) step;
  }

  @Override
  public void respond(byte[] response) {
    handedOver.add(response);
    log.add("RESPOND " + Base64.getEncoder().encodeToString(response)); // an empty response is an empty line
  }

  @Override
  public void cancel() throws IOException {
    log.add("CANCEL");
    if (cancelFailure != null) {
      throw cancelFailure;
    }
  }

  private static String encode(byte[] bytes) {
    return bytes.length == 0 ? "=" : Base64.getEncoder().encodeToString(bytes);
  }
}
