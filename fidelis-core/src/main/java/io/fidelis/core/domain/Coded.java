package io.fidelis.core.domain;

import java.util.Locale;

/** An enumerated value of the input contract, written in files as its lower-case {@link #code()}. */
public interface Coded {
    /** The code as it appears in the contract's files, e.g. {@code working_capital}. */
    String code();

    /**
     * Finds the constant whose code equals {@code text} (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the allowed codes when none matches
     */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + codes(type));
    }

    /** The allowed codes of {@code type}, comma-separated, in declaration order. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(value.code());
        }
        return out.toString();
    }

    /** The default code of an enum constant: its name in lower case (made once per constant). */
    static String codeOf(Enum<?> value) {
        return CodedNames.of(value);
    }
}
