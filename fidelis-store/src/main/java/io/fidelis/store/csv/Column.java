package io.fidelis.store.csv;

/**
 * A column of the contract.
 *
 * @param name its name in the header, lower case
 * @param required whether a file of the table must have the column and every row a value in it
 * @param form how its cells are read
 */
record Column(String name, boolean required, CellForm form) {

    static Column required(String name, CellForm form) {
        return new Column(name, true, form);
    }

    static Column optional(String name, CellForm form) {
        return new Column(name, false, form);
    }
}
