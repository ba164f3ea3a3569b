package siteplan.planner.diff;

import siteplan.model.Token;

/**
 * Every change a plan can hold; closed, so renderers and the executor can switch over it exhaustively.
 * Reasons on a change are for people; decisions are made on the action alone.
 */
public enum Action implements Token {
    CREATE("+"),
    UPDATE("~"),
    REPLACE("-/+"),
    DELETE("-"),
    /** Disable and re-enable protection of a machine: a resized disk (SRC-RESIZE) or a changed replication mechanism (SRC-MECHANISM). */
    RE_REPLICATE("~>"),
    /** Start replicating a failed-over machine back towards its original site (FB-STAGES). */
    REPROTECT("<~"),
    /**
     * Move a machine's protection from a classic vault to a modernized one with Site Recovery's switch-provider
     * move (MOVE-*): replication pauses, only differential data is sent, and the classic vault's last recovery
     * points stay failover-able until their retention ends.
     */
    MOVE("=>"),
    NO_OP(" ");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
