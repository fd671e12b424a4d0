package io.fidelis.core.evaluation;

/**
 * One customer's survey answers to one question in one period: how many, and their sum, in the question's unit
 * (satisfaction points 1..5, or NPS points -100/0/+100 per answer).
 *
 * @param count answers, 0 or more
 * @param sum sum of the answers
 */
public record Answers(int count, long sum) {

    /** No answer. */
    public static final Answers NONE = new Answers(0, 0);

    public Answers {
        if (count < 0) {
            throw new IllegalArgumentException("answer count " + count + " is negative");
        }
        if (count == 0 && sum != 0) {
            throw new IllegalArgumentException("no answers cannot sum to " + sum);
        }
    }

    /** These answers and one more. */
    public Answers plus(int answer) {
        return new Answers(count + 1, sum + answer);
    }
}
