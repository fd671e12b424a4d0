package io.fidelis.store.csv;

/** How the non-empty cells of one column are read: a value, or a {@link BadCell} naming the rule broken. */
interface CellForm {

    /**
     * Reads a non-empty, stripped cell.
     *
     * @param previous what this column held in the previous row, or null; a form may return it again when the cell
     *     is the same, so that the thousands of installments of one loan share one id string
     */
    Object read(Cell cell, Object previous) throws BadCell;

    /** What a cell of this form looks like, e.g. "a date as yyyy-MM-dd", for messages; null for free text. */
    String expected();
}
