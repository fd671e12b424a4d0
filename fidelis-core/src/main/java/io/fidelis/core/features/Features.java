package io.fidelis.core.features;

import io.fidelis.core.domain.CloseReason;
import io.fidelis.core.domain.LoanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The features of one customer as of a date, each present or missing, plus the few dated facts the lifecycle rules
 * need (relationship start, last activity, closure, how the last loan ended). Immutable.
 */
public final class Features {

    private static final FeatureId[] IDS = FeatureId.values();

    private final LocalDate asOf;
    private final double[] values;
    private final long presentMask;
    private final LocalDate relationshipStart;
    private final LocalDate lastActivityOn;
    private final LocalDate closedOn;
    private final CloseReason closeReason;
    private final LoanStatus lastEndedLoanStatus;
    private final long committedCents;
    private final long outstandingCents;

    Features(
            LocalDate asOf,
            double[] values,
            long presentMask,
            LocalDate relationshipStart,
            LocalDate lastActivityOn,
            LocalDate closedOn,
            CloseReason closeReason,
            LoanStatus lastEndedLoanStatus,
            long committedCents,
            long outstandingCents) {
        this.asOf = Objects.requireNonNull(asOf, "as-of date");
        this.values = values;
        this.presentMask = presentMask;
        this.relationshipStart = relationshipStart;
        this.lastActivityOn = lastActivityOn;
        this.closedOn = closedOn;
        this.closeReason = closeReason;
        this.lastEndedLoanStatus = lastEndedLoanStatus;
        this.committedCents = committedCents;
        this.outstandingCents = outstandingCents;
    }

    /** A builder starting with every feature missing, for tests and for callers holding precomputed features. */
    public static Builder builder(LocalDate asOf) {
        return new Builder(asOf);
    }

    /** The date the features are computed as of. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The value of {@code id}, possibly missing. */
    public FeatureValue get(FeatureId id) {
        return has(id) ? FeatureValue.of(values[id.ordinal()]) : FeatureValue.missing();
    }

    /** Whether {@code id} had data. */
    public boolean has(FeatureId id) {
        return (presentMask & id.bit()) != 0;
    }

    /** The value of {@code id}, or {@code other} when missing; avoids allocation in hot loops. */
    public double valueOr(FeatureId id, double other) {
        return has(id) ? values[id.ordinal()] : other;
    }

    /**
     * An amount feature ({@link FeatureUnit#AMOUNT}) as exact money with two decimals, or null when missing. The
     * {@link #get} value of such a feature is the same amount as a double, for scoring curves only.
     */
    public BigDecimal amount(FeatureId id) {
        if (!has(id)) {
            return null;
        }
        return switch (id) {
            case COMMITTED_AMOUNT -> BigDecimal.valueOf(committedCents, 2);
            case OUTSTANDING_AMOUNT -> BigDecimal.valueOf(outstandingCents, 2);
            default -> throw new IllegalArgumentException(id + " is not an amount");
        };
    }

    /** When the relationship started (onboarded_on, or the first loan or interaction), or null when unknown. */
    public LocalDate relationshipStart() {
        return relationshipStart;
    }

    /** The day of the last loan start, payment or interaction on or before the as-of date, or null. */
    public LocalDate lastActivityOn() {
        return lastActivityOn;
    }

    /** When the relationship was formally closed, if on or before the as-of date; otherwise null. */
    public LocalDate closedOn() {
        return closedOn;
    }

    /** Why it was closed, or null when not closed as of the date or when no reason was given. */
    public CloseReason closeReason() {
        return closeReason;
    }

    /**
     * How the most recently ended loan ended (its status as of the date), when no loan is held and at least one
     * ended; otherwise null.
     */
    public LoanStatus lastEndedLoanStatus() {
        return lastEndedLoanStatus;
    }

    /** A copy with {@code id} set to {@code value}: for "other things equal" comparisons. */
    public Features with(FeatureId id, FeatureValue value) {
        double[] copy = values.clone();
        long mask = presentMask;
        if (value.present()) {
            copy[id.ordinal()] = value.value();
            mask |= id.bit();
        } else {
            copy[id.ordinal()] = 0;
            mask &= ~id.bit();
        }
        return new Features(
                asOf,
                copy,
                mask,
                relationshipStart,
                lastActivityOn,
                closedOn,
                closeReason,
                lastEndedLoanStatus,
                id == FeatureId.COMMITTED_AMOUNT ? Math.round(value.orElse(0) * 100) : committedCents,
                id == FeatureId.OUTSTANDING_AMOUNT ? Math.round(value.orElse(0) * 100) : outstandingCents);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Features that
                && asOf.equals(that.asOf)
                && presentMask == that.presentMask
                && Arrays.equals(values, that.values)
                && Objects.equals(relationshipStart, that.relationshipStart)
                && Objects.equals(lastActivityOn, that.lastActivityOn)
                && Objects.equals(closedOn, that.closedOn)
                && closeReason == that.closeReason
                && lastEndedLoanStatus == that.lastEndedLoanStatus
                && committedCents == that.committedCents
                && outstandingCents == that.outstandingCents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(asOf, presentMask, Arrays.hashCode(values), relationshipStart, lastActivityOn);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Features[asOf=").append(asOf);
        for (FeatureId id : IDS) {
            out.append(", ").append(id.code()).append('=').append(get(id));
        }
        return out.append(']').toString();
    }

    /** Builds {@link Features} by hand; every feature starts missing. */
    public static final class Builder {
        private final LocalDate asOf;
        private final double[] values = new double[IDS.length];
        private long presentMask;
        private LocalDate relationshipStart;
        private LocalDate lastActivityOn;
        private LocalDate closedOn;
        private CloseReason closeReason;
        private LoanStatus lastEndedLoanStatus;

        private Builder(LocalDate asOf) {
            this.asOf = Objects.requireNonNull(asOf, "as-of date");
        }

        /** Sets {@code id} present with {@code value}. */
        public Builder set(FeatureId id, double value) {
            FeatureValue.of(value); // rejects NaN and infinities
            values[id.ordinal()] = value;
            presentMask |= id.bit();
            return this;
        }

        /** Marks {@code id} missing. */
        public Builder missing(FeatureId id) {
            values[id.ordinal()] = 0;
            presentMask &= ~id.bit();
            return this;
        }

        public Builder relationshipStart(LocalDate date) {
            this.relationshipStart = date;
            return this;
        }

        public Builder lastActivityOn(LocalDate date) {
            this.lastActivityOn = date;
            return this;
        }

        public Builder closed(LocalDate date, CloseReason reason) {
            this.closedOn = date;
            this.closeReason = reason;
            return this;
        }

        public Builder lastEndedLoanStatus(LoanStatus status) {
            this.lastEndedLoanStatus = status;
            return this;
        }

        public Features build() {
            return new Features(
                    asOf,
                    values.clone(),
                    presentMask,
                    relationshipStart,
                    lastActivityOn,
                    closedOn,
                    closeReason,
                    lastEndedLoanStatus,
                    Math.round(values[FeatureId.COMMITTED_AMOUNT.ordinal()] * 100),
                    Math.round(values[FeatureId.OUTSTANDING_AMOUNT.ordinal()] * 100));
        }
    }
}
