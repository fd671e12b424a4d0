package io.fidelis.store;

/**
 * A row that broke a rule of the input contract, with where and why, so the lender can fix the source.
 *
 * @param file the file's name as given (relative to the import folder)
 * @param line 1-based physical line where the row starts (the header is line 1)
 * @param column the offending column's name, or null when the rule concerns the whole row or file
 * @param value the offending raw value, or null
 * @param rule the stable id of the rule broken, e.g. {@code date.format}, {@code reference.customer}
 * @param message what was wrong and what to do, in English
 */
public record Reject(String file, long line, String column, String value, String rule, String message) {

    /** One line for terminals and logs: {@code file:line: column 'x': message [rule]}. */
    public String describe() {
        StringBuilder out = new StringBuilder(file).append(':').append(line).append(": ");
        if (column != null) {
            out.append("column ").append(column).append(' ');
        }
        if (value != null) {
            out.append("value '").append(value).append("' ");
        }
        return out.append("- ")
                .append(message)
                .append(" [")
                .append(rule)
                .append(']')
                .toString();
    }
}
