package io.fidelis.core.evaluation;

/**
 * One row of a calibration table.
 *
 * @param bin 1 for the lowest scores
 * @param units how many units fell in it
 * @param meanPredicted their mean predicted probability
 * @param events how many of them had the event
 */
public record CalibrationBin(int bin, int units, double meanPredicted, int events) {

    /** The observed event rate in the bin. */
    public double observedRate() {
        return units == 0 ? Double.NaN : (double) events / units;
    }
}
