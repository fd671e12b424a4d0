package io.fidelis.store.csv;

/** A cell that is not of its column's form: the rule it broke and what was expected. Cheap: no stack trace. */
final class BadCell extends Exception {

    private static final long serialVersionUID = 1L;

    private final String rule;

    BadCell(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
