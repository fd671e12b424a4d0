package io.fidelis.core.evaluation;

import java.util.Objects;

/**
 * Survey answers of one group of customers (e.g. the medium tier's treatment arm) in the periods before and after a
 * strategy's start, pooled: the group's mean is the mean of all its answers, as the generator's satisfaction effect is
 * defined. Each customer's answers are kept together as a cluster (only their count and sum per period), because
 * answers of one customer resemble each other: treating them as independent would make intervals too narrow.
 *
 * <p>Keeps sums of per-customer products, not the answers, so memory does not grow with the number of customers.
 * An accumulator: fill it with {@link #add}, then read {@link #before()}, {@link #after()} and {@link
 * PooledMeans}' estimates. Not safe for concurrent use.
 */
public final class PooledAnswers {

    private final String group;
    private final Moments before = new Moments();
    private final Moments after = new Moments();
    private long customers;
    private long sumAfterSumBefore;
    private long sumAfterCountBefore;
    private long countAfterSumBefore;
    private long countAfterCountBefore;

    /** An empty pool; {@code group} labels it, e.g. {@code medium|treatment}. */
    public PooledAnswers(String group) {
        this.group = Objects.requireNonNull(group, "group");
    }

    /** Adds one customer's answers in both periods (a customer is added once). */
    public void add(Answers answersBefore, Answers answersAfter) {
        if (answersBefore.count() == 0 && answersAfter.count() == 0) {
            return;
        }
        customers++;
        before.add(answersBefore);
        after.add(answersAfter);
        sumAfterSumBefore += answersAfter.sum() * answersBefore.sum();
        sumAfterCountBefore += answersAfter.sum() * answersBefore.count();
        countAfterSumBefore += (long) answersAfter.count() * answersBefore.sum();
        countAfterCountBefore += (long) answersAfter.count() * answersBefore.count();
    }

    public String group() {
        return group;
    }

    /** The answers of the period before. */
    public Pool before() {
        return before.pool(group + "|before");
    }

    /** The answers of the period after. */
    public Pool after() {
        return after.pool(group + "|after");
    }

    /** Customers with an answer in either period. */
    public long customers() {
        return customers;
    }

    /**
     * The variance of the group's change of mean, after minus before, linearised per customer: with z_i = (y_ia -
     * mean_a m_ia) / M_a - (y_ib - mean_b m_ib) / M_b over the n customers with an answer in either period (y a
     * customer's sum, m its count, M the period's answers), n / (n - 1) * sum of z_i^2. Not a number when a period has
     * no answer or fewer than two customers answered.
     */
    double varianceOfChange() {
        Pool a = after();
        Pool b = before();
        if (a.answers() == 0 || b.answers() == 0 || customers < 2) {
            return Double.NaN;
        }
        double meanA = a.mean();
        double meanB = b.mean();
        double cross = sumAfterSumBefore
                - meanB * sumAfterCountBefore
                - meanA * countAfterSumBefore
                + meanA * meanB * countAfterCountBefore;
        double squares = a.residualSquares() / ((double) a.answers() * a.answers())
                + b.residualSquares() / ((double) b.answers() * b.answers())
                - 2 * cross / ((double) a.answers() * b.answers());
        return (double) customers / (customers - 1) * Math.max(0, squares);
    }

    /**
     * The answers of one group in one period.
     *
     * @param group label, e.g. {@code medium|treatment|after}
     * @param customers customers with at least one answer
     * @param answers answers (M, the sum of the customers' counts)
     * @param sum sum of the answers (Y)
     * @param sumOfSquaredSums sum over customers of (their sum)^2
     * @param sumOfSumTimesCount sum over customers of their sum times their count
     * @param sumOfSquaredCounts sum over customers of (their count)^2
     */
    public record Pool(
            String group,
            long customers,
            long answers,
            long sum,
            long sumOfSquaredSums,
            long sumOfSumTimesCount,
            long sumOfSquaredCounts) {

        public Pool {
            Objects.requireNonNull(group, "group");
        }

        /** The mean answer, Y / M; not a number without answers. */
        public double mean() {
            return answers == 0 ? Double.NaN : (double) sum / answers;
        }

        /** Sum over customers of (y_i - mean m_i)^2, from the sums kept. */
        double residualSquares() {
            double mean = mean();
            double squares = sumOfSquaredSums - 2 * mean * sumOfSumTimesCount + mean * mean * sumOfSquaredCounts;
            return Math.max(0, squares);
        }

        /**
         * The variance of the mean as a ratio estimator over customers: n / (n - 1) * sum (y_i - mean m_i)^2 / M^2.
         * Not a number below two customers.
         */
        public double varianceOfMean() {
            if (customers < 2) {
                return Double.NaN;
            }
            return (double) customers / (customers - 1) * residualSquares() / ((double) answers * answers);
        }

        GroupSize groupSize() {
            return new GroupSize(group, (int) Math.min(Integer.MAX_VALUE, customers));
        }
    }

    /** Per-period sums. */
    private static final class Moments {
        private long customers;
        private long answers;
        private long sum;
        private long sumOfSquaredSums;
        private long sumOfSumTimesCount;
        private long sumOfSquaredCounts;

        void add(Answers answers) {
            if (answers.count() == 0) {
                return;
            }
            long m = answers.count();
            long y = answers.sum();
            customers++;
            this.answers += m;
            sum += y;
            sumOfSquaredSums += y * y;
            sumOfSumTimesCount += y * m;
            sumOfSquaredCounts += m * m;
        }

        Pool pool(String group) {
            return new Pool(group, customers, answers, sum, sumOfSquaredSums, sumOfSumTimesCount, sumOfSquaredCounts);
        }
    }
}
