package dev.mailroom.imap;

/** How {@code STORE} changes flags (RFC 3501 §6.4.6). */
public enum StoreAction {
  /** {@code FLAGS}: replace. */
  REPLACE("FLAGS"),
  /** {@code +FLAGS}: add. */
  ADD("+FLAGS"),
  /** {@code -FLAGS}: remove. */
  REMOVE("-FLAGS");

  private final String wire;

  StoreAction(String wire) {
    this.wire = wire;
  }

  /** The data item name, without {@code .SILENT}. */
  public String wire() {
    return wire;
  }
}
