package io.fidelis.generator;

import io.fidelis.core.domain.Channel;
import io.fidelis.core.domain.InteractionType;

/** The channel an interaction of a given type usually comes through. */
final class Channels {

    private static final Channel[] CHANNELS = Channel.values();

    // Weights in the order branch, online, relationship_manager, phone, other; rows by InteractionType.
    private static final double[][] WEIGHTS = {
        {30, 20, 50, 0, 0}, // application
        {30, 60, 10, 0, 0}, // drawdown
        {20, 40, 10, 30, 0}, // inquiry
        {20, 5, 75, 0, 0}, // meeting
        {40, 10, 20, 0, 30}, // event
        {10, 10, 70, 10, 0}, // referral made
        {20, 50, 30, 0, 0}, // programme enrolled
        {20, 60, 20, 0, 0}, // programme benefit used
        {10, 0, 80, 10, 0}, // competitor quote: usually reported by the relationship manager
        {30, 0, 60, 10, 0}, // rate negotiation
        {0, 70, 10, 0, 20}, // positive review
        {0, 70, 10, 0, 20}, // negative review
        {20, 20, 20, 20, 20} // other
    };

    /** Share of interactions whose channel the lender did not record. */
    private static final double MISSING = 0.02;

    private Channels() {}

    /** A channel for an interaction of {@code type}, or null when not recorded. */
    static Channel draw(InteractionType type, Draw draw) {
        if (draw.chance(MISSING)) {
            return null;
        }
        return CHANNELS[draw.weighted(WEIGHTS[type.ordinal()])];
    }
}
