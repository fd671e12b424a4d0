package io.fidelis.core.evaluation;

/**
 * One row of a lift table.
 *
 * @param group 1 for the highest scores
 * @param units how many units fell in it
 * @param events how many of them had the event
 * @param rate their event rate
 * @param lift the rate over the overall event rate
 * @param cumulativeCapture the share of all events in this group and the ones above it
 */
public record LiftGroup(int group, int units, int events, double rate, double lift, double cumulativeCapture) {}
