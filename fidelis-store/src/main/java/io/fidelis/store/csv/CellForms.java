package io.fidelis.store.csv;

import io.fidelis.core.domain.Coded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The forms a cell of the contract can take, each parsed by hand from the row's characters: strict about meaning,
 * lenient about form. No regular expressions: an import reads tens of millions of cells.
 */
final class CellForms {

    static final String DATE_FORMS = "a date as yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd";

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2199;
    private static final BigDecimal ONE = BigDecimal.ONE;

    private CellForms() {}

    /** Free text, kept as written (stripped). */
    static CellForm text() {
        return TEXT;
    }

    /** A calendar date in one of the accepted forms. */
    static CellForm date() {
        return DATE;
    }

    /** An amount of money, 0 or more. */
    static CellForm nonNegativeAmount() {
        return NON_NEGATIVE_AMOUNT;
    }

    /** An amount of money, strictly more than 0. */
    static CellForm positiveAmount() {
        return POSITIVE_AMOUNT;
    }

    /** An annual rate as a decimal fraction between 0 and 1 (0.0435 = 4.35%). */
    static CellForm rate() {
        return RATE;
    }

    /** A whole number in {@code min..max}; outside that range the cell breaks {@code rangeRule}. */
    static CellForm integer(int min, int max, String rangeRule) {
        return new IntegerForm(min, max, rangeRule);
    }

    /** One of the codes of a contract enumeration, case-insensitive. */
    static <E extends Enum<E> & Coded> CellForm code(Class<E> type) {
        return new CodeForm<>(type);
    }

    /** {@code true}/{@code false}, also yes/no, y/n, t/f, 1/0 and 是/否. */
    static CellForm bool() {
        return BOOLEAN;
    }

    /** An ISO 4217 currency code, upper-cased; RMB is read as CNY. */
    static CellForm currency() {
        return CURRENCY;
    }

    private static final CellForm TEXT = new CellForm() {
        @Override
        public Object read(Cell cell, Object previous) {
            if (previous instanceof String same && cell.contentEquals(same)) {
                return same;
            }
            return cell.text();
        }

        @Override
        public String expected() {
            return null;
        }
    };

    private static final CellForm DATE = new CellForm() {
        @Override
        public Object read(Cell cell, Object previous) throws BadCell {
            return parseDate(cell);
        }

        @Override
        public String expected() {
            return DATE_FORMS;
        }
    };

    private static final CellForm NON_NEGATIVE_AMOUNT = new CellForm() {
        @Override
        public Object read(Cell cell, Object previous) throws BadCell {
            BigDecimal value = parseDecimal(cell);
            if (value.signum() < 0) {
                throw new BadCell("range.non_negative", "expected an amount of 0 or more");
            }
            return value;
        }

        @Override
        public String expected() {
            return "an amount of 0 or more, e.g. 1200.50";
        }
    };

    private static final CellForm POSITIVE_AMOUNT = new CellForm() {
        @Override
        public Object read(Cell cell, Object previous) throws BadCell {
            BigDecimal value = parseDecimal(cell);
            if (value.signum() <= 0) {
                throw new BadCell("range.amount_positive", "expected an amount greater than 0");
            }
            return value;
        }

        @Override
        public String expected() {
            return "an amount greater than 0, e.g. 1000000.00";
        }
    };

    private static final CellForm RATE = new CellForm() {
        @Override
        public Object read(Cell cell, Object previous) throws BadCell {
            BigDecimal value = parseDecimal(cell);
            if (value.signum() < 0) {
                throw new BadCell("range.non_negative", "expected a rate of 0 or more");
            }
            if (value.compareTo(ONE) > 0) {
                throw new BadCell(
                        "range.rate",
                        "expected an annual rate as a decimal fraction between 0 and 1 (0.0435 = 4.35%); this looks"
                                + " like a percentage: divide it by 100");
            }
            return value;
        }

        @Override
        public String expected() {
            return "an annual rate as a decimal fraction, e.g. 0.0435 for 4.35%";
        }
    };

    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("true", true),
            Map.entry("false", false),
            Map.entry("yes", true),
            Map.entry("no", false),
            Map.entry("y", true),
            Map.entry("n", false),
            Map.entry("t", true),
            Map.entry("f", false),
            Map.entry("1", true),
            Map.entry("0", false),
            Map.entry("是", true),
            Map.entry("否", false));

    private static final CellForm BOOLEAN = new CellForm() {
        @Override
        public Object read(Cell cell, Object previous) throws BadCell {
            Boolean value = BOOLEANS.get(cell.text().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new BadCell("boolean.format", "expected true or false");
            }
            return value;
        }

        @Override
        public String expected() {
            return "true or false";
        }
    };

    private static final Map<String, String> CURRENCIES = currencies();

    private static final CellForm CURRENCY = new CellForm() {
        @Override
        public Object read(Cell cell, Object previous) throws BadCell {
            String code = CURRENCIES.get(cell.text().toUpperCase(Locale.ROOT));
            if (code == null) {
                throw new BadCell("currency.format", "expected an ISO 4217 currency code such as CNY, USD, EUR, HKD");
            }
            return code;
        }

        @Override
        public String expected() {
            return "an ISO 4217 currency code such as CNY";
        }
    };

    private static Map<String, String> currencies() {
        Map<String, String> codes = new HashMap<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            codes.put(currency.getCurrencyCode(), currency.getCurrencyCode());
        }
        codes.put("RMB", "CNY");
        return Map.copyOf(codes);
    }

    private static final class IntegerForm implements CellForm {
        private final int min;
        private final int max;
        private final String rangeRule;

        IntegerForm(int min, int max, String rangeRule) {
            this.min = min;
            this.max = max;
            this.rangeRule = rangeRule;
        }

        @Override
        public Object read(Cell cell, Object previous) throws BadCell {
            int value = parseInteger(cell);
            if (value < min || value > max) {
                throw new BadCell(rangeRule, "expected " + range());
            }
            return value;
        }

        @Override
        public String expected() {
            return range();
        }

        private String range() {
            return max == Integer.MAX_VALUE
                    ? "a whole number of " + min + " or more"
                    : "a whole number from " + min + " to " + max;
        }
    }

    private static final class CodeForm<E extends Enum<E> & Coded> implements CellForm {
        private final E[] constants;
        private final String codes;

        CodeForm(Class<E> type) {
            this.constants = type.getEnumConstants();
            this.codes = Coded.codes(type);
        }

        @Override
        public Object read(Cell cell, Object previous) throws BadCell {
            for (E constant : constants) {
                if (equalsIgnoringAsciiCase(cell, constant.code())) {
                    return constant;
                }
            }
            throw new BadCell("enum", "expected one of: " + codes);
        }

        @Override
        public String expected() {
            return "one of: " + codes;
        }

        private static boolean equalsIgnoringAsciiCase(Cell cell, String code) {
            if (cell.length() != code.length()) {
                return false;
            }
            for (int i = 0; i < code.length(); i++) {
                char c = cell.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                if (c != code.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Reads {@code yyyy-MM-dd}, {@code yyyy/MM/dd} (month and day may have one digit) or {@code yyyyMMdd}, optionally
     * followed by a time of day ({@code 2026-09-01 00:00:00}, as databases export dates), which is ignored.
     */
    static LocalDate parseDate(Cell cell) throws BadCell {
        char[] a = cell.chars;
        int i = cell.from;
        int end = cell.to;
        int year = digits(a, i, 4, end);
        if (year < 0) {
            throw badDate();
        }
        i += 4;
        int month;
        int day;
        if (i < end && (a[i] == '-' || a[i] == '/')) {
            char separator = a[i++];
            int monthStart = i;
            month = 0;
            while (i < end && i - monthStart < 2 && isDigit(a[i])) {
                month = month * 10 + (a[i++] - '0');
            }
            if (i == monthStart || i >= end || a[i] != separator) {
                throw badDate();
            }
            int dayStart = ++i;
            day = 0;
            while (i < end && i - dayStart < 2 && isDigit(a[i])) {
                day = day * 10 + (a[i++] - '0');
            }
            if (i == dayStart) {
                throw badDate();
            }
        } else {
            month = digits(a, i, 2, end);
            day = digits(a, i + 2, 2, end);
            if (month < 0 || day < 0) {
                throw badDate();
            }
            i += 4;
        }
        if (i < end && !isTimeOfDay(a, i, end)) {
            throw badDate();
        }
        if (month < 1 || month > 12) {
            throw new BadCell("date.format", "not a date in the calendar: there is no month " + month);
        }
        if (day < 1 || day > lengthOfMonth(year, month)) {
            throw new BadCell(
                    "date.format",
                    "not a date in the calendar: month " + month + " of " + year + " has " + lengthOfMonth(year, month)
                            + " days");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new BadCell(
                    "range.date", "the year is outside " + MIN_YEAR + ".." + MAX_YEAR + ": check the date for a typo");
        }
        return LocalDate.of(year, month, day);
    }

    /** A separator (space or T) and {@code H:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.fff}. */
    private static boolean isTimeOfDay(char[] a, int i, int end) {
        if (a[i] != ' ' && a[i] != 'T') {
            return false;
        }
        i++;
        int hourStart = i;
        int hour = 0;
        while (i < end && i - hourStart < 2 && isDigit(a[i])) {
            hour = hour * 10 + (a[i++] - '0');
        }
        if (i == hourStart || hour > 23 || i >= end || a[i] != ':') {
            return false;
        }
        int minute = digits(a, i + 1, 2, end);
        if (minute < 0 || minute > 59) {
            return false;
        }
        i += 3;
        if (i == end) {
            return true;
        }
        int second = a[i] == ':' ? digits(a, i + 1, 2, end) : -1;
        if (second < 0 || second > 59) {
            return false;
        }
        i += 3;
        if (i < end && a[i] == '.') {
            i++;
            if (i == end) {
                return false;
            }
            while (i < end && isDigit(a[i])) {
                i++;
            }
        }
        return i == end;
    }

    private static BadCell badDate() {
        return new BadCell("date.format", "expected " + DATE_FORMS);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code count} decimal digits at {@code a[i..]}, or -1 when they are not all there. */
    private static int digits(char[] a, int i, int count, int end) {
        if (i + count > end) {
            return -1;
        }
        int value = 0;
        for (int k = i; k < i + count; k++) {
            if (!isDigit(a[k])) {
                return -1;
            }
            value = value * 10 + (a[k] - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Reads a decimal with '.' as the decimal point and an optional sign. ',' is accepted only as a thousands
     * separator in groups of three ({@code 1,200.50}), so that a decimal comma ({@code 1,5}) is refused, not read as
     * 15.
     */
    static BigDecimal parseDecimal(Cell cell) throws BadCell {
        char[] a = cell.chars;
        int i = cell.from;
        int end = cell.to;
        boolean negative = false;
        if (a[i] == '-' || a[i] == '+') {
            negative = a[i] == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        int group = 0;
        boolean point = false;
        boolean grouped = false;
        for (; i < end; i++) {
            char c = a[i];
            if (c >= '0' && c <= '9') {
                if (digits < 18) {
                    unscaled = unscaled * 10 + (c - '0');
                }
                digits++;
                group++;
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                if (grouped && group != 3) {
                    throw badThousands();
                }
                point = true;
            } else if (c == ',' && !point) {
                if (grouped ? group != 3 : group < 1 || group > 3) {
                    throw badThousands();
                }
                grouped = true;
                group = 0;
            } else {
                throw badDecimal(cell);
            }
        }
        if (digits == 0) {
            throw badDecimal(cell);
        }
        if (grouped && !point && group != 3) {
            throw badThousands();
        }
        if (digits > 18) {
            String plain = cell.text().replace(",", "");
            return new BigDecimal(plain);
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    private static BadCell badThousands() {
        return new BadCell(
                "decimal.format",
                "expected a decimal number with '.' as the decimal point; ',' is only accepted as a thousands"
                        + " separator, as in \"1,200.50\"");
    }

    private static BadCell badDecimal(Cell cell) {
        boolean hasDigit = false;
        for (int i = cell.from; i < cell.to && !hasDigit; i++) {
            hasDigit = isDigit(cell.chars[i]);
        }
        for (int i = cell.from; i < cell.to; i++) {
            char c = cell.chars[i];
            if (Character.getType(c) == Character.CURRENCY_SYMBOL || c == '元' || hasDigit && isCurrencyCode(cell, i)) {
                return new BadCell(
                        "decimal.currency_symbol",
                        "amounts carry no currency symbol or code: write the number only (e.g. 100.00); a loan's"
                                + " currency goes in its currency column");
            }
            if (c == '%') {
                return new BadCell(
                        "decimal.format", "expected a decimal fraction, not a percentage: write 0.0435 for 4.35%");
            }
        }
        if (cell.contains('e') || cell.contains('E')) {
            return new BadCell(
                    "decimal.format",
                    "expected a plain decimal number, not scientific notation: format the column as a number with"
                            + " all its digits before exporting");
        }
        return new BadCell(
                "decimal.format",
                "expected a decimal number with '.' as the decimal point, e.g. 1200.50 or \"1,200.50\"");
    }

    /** Three upper-case ASCII letters in a row, as in 100CNY or RMB 100. */
    private static boolean isCurrencyCode(Cell cell, int i) {
        if (i + 3 > cell.to) {
            return false;
        }
        for (int k = i; k < i + 3; k++) {
            char c = cell.chars[k];
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** Reads an optionally signed whole number of at most nine digits. */
    static int parseInteger(Cell cell) throws BadCell {
        char[] a = cell.chars;
        int i = cell.from;
        int end = cell.to;
        boolean negative = false;
        if (a[i] == '-' || a[i] == '+') {
            negative = a[i] == '-';
            i++;
        }
        if (i == end || end - i > 9) {
            throw badInteger(cell);
        }
        int value = 0;
        for (; i < end; i++) {
            char c = a[i];
            if (c < '0' || c > '9') {
                throw badInteger(cell);
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    private static BadCell badInteger(Cell cell) {
        return new BadCell(
                "integer.format",
                cell.contains('.')
                        ? "expected a whole number, without a decimal point"
                        : "expected a whole number of at most 9 digits, e.g. 12");
    }
}
