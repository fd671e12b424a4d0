package io.fidelis.core.classification;

/** A language that reasons, labels and conflicts are rendered in. */
public enum Language {
    ENGLISH,
    CHINESE
}
