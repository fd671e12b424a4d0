package io.fidelis.store;

import java.util.Objects;

/**
 * The customers whose ids lie from {@code first} to {@code last}, both included, in the order of {@link
 * BookStore#forEachHistory} (by Unicode code point): a part of the book that can be read on its own, beside the
 * others, on another thread.
 */
public record CustomerRange(String first, String last) {

    public CustomerRange {
        Objects.requireNonNull(first, "first customer id");
        Objects.requireNonNull(last, "last customer id");
        if (compare(first, last) > 0) {
            throw new IllegalArgumentException("a range from " + first + " to " + last + " holds no customer");
        }
    }

    /** Whether {@code customerId} lies in the range. */
    public boolean contains(String customerId) {
        return compare(first, customerId) <= 0 && compare(customerId, last) <= 0;
    }

    /** Compares ids by Unicode code point, the order in which the stores sort their UTF-8 bytes. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
