package io.fidelis.store;

import io.fidelis.core.classification.ReasonCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The number that stands for each {@link ReasonCode} in the run tables' reason cells, read from {@value #FILE}.
 *
 * <p>A stored customer carries some 22 tier reasons: written as codes they average 392 characters a cell, and
 * storing those cells was a third of DuckDB's work for a series of runs; as numbers they are about 60. The numbers
 * are part of every stored run, so the file is append-only: a number is never changed or reused, and a code added
 * later takes the next one. Exports, explanations and the API still show the codes.
 */
final class ReasonNumbers {

    static final String FILE = "reason-numbers.txt";

    private static final int[] NUMBER_BY_ORDINAL = new int[ReasonCode.values().length];
    private static final byte[][] BYTES_BY_ORDINAL = new byte[ReasonCode.values().length][];
    private static final Map<Integer, ReasonCode> REASON_BY_NUMBER = new HashMap<>();

    /** Digits of the largest number. */
    static final int MAX_DIGITS;

    static {
        Map<ReasonCode, Integer> numbers = read();
        for (ReasonCode reason : ReasonCode.values()) {
            Integer number = numbers.get(reason);
            if (number == null) {
                throw new IllegalStateException("reason code " + RunsSql.code(reason) + " has no number in " + FILE
                        + ": add a line with the next number");
            }
            NUMBER_BY_ORDINAL[reason.ordinal()] = number;
            BYTES_BY_ORDINAL[reason.ordinal()] = Integer.toString(number).getBytes(StandardCharsets.US_ASCII);
            REASON_BY_NUMBER.put(number, reason);
        }
        int digits = 1;
        for (byte[] bytes : BYTES_BY_ORDINAL) {
            digits = Math.max(digits, bytes.length);
        }
        MAX_DIGITS = digits;
    }

    private ReasonNumbers() {}

    /** The number of {@code reason}. */
    static int number(ReasonCode reason) {
        return NUMBER_BY_ORDINAL[reason.ordinal()];
    }

    /** The numbers' decimal digits as ASCII bytes, by the reasons' ordinals. */
    static byte[][] bytesByOrdinal() {
        return BYTES_BY_ORDINAL;
    }

    /** The reason of {@code number}; an unknown number is an error naming it. */
    static ReasonCode reason(int number) {
        ReasonCode reason = REASON_BY_NUMBER.get(number);
        if (reason == null) {
            throw new IllegalArgumentException(
                    "reason number " + number + " is not in " + FILE + " (a run stored by a newer Fidelis?)");
        }
        return reason;
    }

    /** The file's lines as codes and numbers, checked: every number and code once, every code known. */
    static Map<ReasonCode, Integer> read() {
        Map<ReasonCode, Integer> numbers = new EnumMap<>(ReasonCode.class);
        Map<Integer, String> seen = new HashMap<>();
        try (InputStream in = ReasonNumbers.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the store's resources");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                String where = FILE + " line " + lineNumber + ": ";
                if (parts.length != 2) {
                    throw new IllegalStateException(where + "expected 'number code', found '" + line + "'");
                }
                int number = Integer.parseInt(parts[0]);
                ReasonCode reason = ReasonCode.valueOf(parts[1].toUpperCase(Locale.ROOT));
                String previous = seen.putIfAbsent(number, parts[1]);
                if (previous != null || numbers.putIfAbsent(reason, number) != null) {
                    throw new IllegalStateException(where + "number " + number + " or code " + parts[1] + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return numbers;
    }
}
