package io.fidelis.generator;

/** The ids of the book: customers C0000001, loans L00000001, complaints CP00000001, numbered in customer order. */
final class Ids {

    private long loans;
    private long complaints;

    static String customer(int index) {
        return "C" + pad(index + 1L, 7);
    }

    /** The index (0-based) of the customer with id {@code id}, the inverse of {@link #customer}. */
    static int index(String id) {
        return Integer.parseInt(id.substring(1)) - 1;
    }

    String nextLoan() {
        return "L" + pad(++loans, 8);
    }

    String nextComplaint() {
        return "CP" + pad(++complaints, 8);
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits (longer values are not cut). */
    static String pad(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder out = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }
}
