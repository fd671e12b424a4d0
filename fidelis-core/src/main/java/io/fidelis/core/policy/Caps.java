package io.fidelis.core.policy;

/**
 * Hard rules that cap the tier whatever the score.
 *
 * @param creditEvent whether a default or write-off in the window caps the tier at {@link Tier#LOW}
 * @param insufficientEvidence when too little evidence caps the tier at {@link Tier#MEDIUM}
 */
public record Caps(boolean creditEvent, EvidenceThreshold insufficientEvidence) {}
