package io.fidelis.store.csv;

import java.util.List;

/** The stable ids of the rules the reader reports, as documented in docs/data-format.md. Never rename one. */
final class RuleIds {

    /** The file has no header, or its header lacks a required column: the file is rejected, no row read. */
    static final String HEADER_MISSING_COLUMN = "header.missing_column";

    /** The header names a contract column twice: the file is rejected, no row read. */
    static final String HEADER_DUPLICATE_COLUMN = "header.duplicate_column";

    /** The row has a different number of fields than the header. */
    static final String ROW_FIELD_COUNT = "row.field_count";

    /** A quoted cell is never closed, or text follows its closing quote. */
    static final String ROW_QUOTING = "row.quoting";

    /** The row exceeds the scanner's limits, usually after a stray quote. */
    static final String ROW_TOO_LONG = "row.too_long";

    /** The cell holds bytes that are not valid in the file's charset. */
    static final String ENCODING = "encoding";

    /** A required column's cell is empty. */
    static final String REQUIRED = "required";

    /** Not a date in an accepted form, or not a date in the calendar. */
    static final String DATE_FORMAT = "date.format";

    /** A date whose year is outside 1900..2199. */
    static final String RANGE_DATE = "range.date";

    /** Not a decimal number with '.' as the decimal point. */
    static final String DECIMAL_FORMAT = "decimal.format";

    /** An amount written with a currency symbol or code. */
    static final String DECIMAL_CURRENCY_SYMBOL = "decimal.currency_symbol";

    /** Not a whole number. */
    static final String INTEGER_FORMAT = "integer.format";

    /** Not one of the column's codes. */
    static final String ENUM = "enum";

    /** Not true or false. */
    static final String BOOLEAN_FORMAT = "boolean.format";

    /** Not an ISO 4217 currency code. */
    static final String CURRENCY_FORMAT = "currency.format";

    /** A loan amount of 0 or less. */
    static final String RANGE_AMOUNT_POSITIVE = "range.amount_positive";

    /** An amount or rate below 0. */
    static final String RANGE_NON_NEGATIVE = "range.non_negative";

    /** A rate above 1, most likely a percentage. */
    static final String RANGE_RATE = "range.rate";

    /** An installment number below 1. */
    static final String RANGE_INSTALLMENT_NO = "range.installment_no";

    /** A satisfaction outside 1..5. */
    static final String RANGE_SATISFACTION = "range.satisfaction";

    /** An NPS answer outside 0..10. */
    static final String RANGE_NPS = "range.nps";

    /** A loan that matures before it starts. */
    static final String RANGE_MATURITY_BEFORE_START = "range.maturity_before_start";

    /** A complaint resolved before it was received. */
    static final String RANGE_RESOLVED_BEFORE_RECEIVED = "range.resolved_before_received";

    /** A relationship closed before it started. */
    static final String RANGE_CLOSED_BEFORE_ONBOARDED = "range.closed_before_onboarded";

    /** A survey answer with neither satisfaction nor nps. */
    static final String SURVEY_NO_SCORE = "survey.no_score";

    /** An installment with an amount paid but no paid date. */
    static final String INSTALLMENT_PAID_WITHOUT_DATE = "installment.paid_without_date";

    /** The core refused the record (a safety net: should not happen when the rules above hold). */
    static final String RECORD_INVALID = "record.invalid";

    /** Every rule id, in the order of the documentation. */
    static final List<String> ALL = List.of(
            HEADER_MISSING_COLUMN,
            HEADER_DUPLICATE_COLUMN,
            ROW_FIELD_COUNT,
            ROW_QUOTING,
            ROW_TOO_LONG,
            ENCODING,
            REQUIRED,
            DATE_FORMAT,
            RANGE_DATE,
            DECIMAL_FORMAT,
            DECIMAL_CURRENCY_SYMBOL,
            INTEGER_FORMAT,
            ENUM,
            BOOLEAN_FORMAT,
            CURRENCY_FORMAT,
            RANGE_AMOUNT_POSITIVE,
            RANGE_NON_NEGATIVE,
            RANGE_RATE,
            RANGE_INSTALLMENT_NO,
            RANGE_SATISFACTION,
            RANGE_NPS,
            RANGE_MATURITY_BEFORE_START,
            RANGE_RESOLVED_BEFORE_RECEIVED,
            RANGE_CLOSED_BEFORE_ONBOARDED,
            SURVEY_NO_SCORE,
            INSTALLMENT_PAID_WITHOUT_DATE,
            RECORD_INVALID);

    private RuleIds() {}
}
