package io.fidelis.core.classification;

/** Whether a reason pushed the result up, down, or only explains it. */
public enum Effect {
    POSITIVE,
    NEGATIVE,
    NEUTRAL
}
