package io.fidelis.core.policy;

/**
 * Hard rules that cap the tier whatever the score.
 *
 * @param creditEvent whether a default or write-off in the window caps the tier at {@link Tier#LOW}
 * @param insufficientEvidence when too little evidence caps the tier at {@link Tier#MEDIUM}
 * @param leftForCompetitor whether a customer who left for a competitor (relationship closed as moved to a
 *     competitor, or every loan gone with at least one refinanced elsewhere in the window) is capped at {@link
 *     Tier#LOW}: the seed's low loyalty is "easily pulled away by price or competitors", and such a customer was
 */
public record Caps(boolean creditEvent, EvidenceThreshold insufficientEvidence, boolean leftForCompetitor) {}
