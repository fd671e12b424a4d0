package io.fidelis.predict;

import java.util.List;

/**
 * Boosted trees as stored in a model file: xgboost's own model bytes (its UBJSON format, base64) with their SHA-256,
 * and what maps observations onto the booster's columns, so loading needs neither Java serialization nor Tribuo.
 *
 * @param format the bytes' format ("xgboost 1.6.2 ubj")
 * @param booster the booster's bytes, base64
 * @param sha256 the SHA-256 of those bytes, hex, checked on loading
 * @param features every feature the trees were given, in order
 * @param columns the booster's columns by feature name, in column order
 * @param eventClass the output class of the event
 * @param classes the number of output classes
 * @param settings the trainer's settings
 */
public record StoredTrees(
        String format,
        String booster,
        String sha256,
        List<String> features,
        List<String> columns,
        int eventClass,
        int classes,
        TreeSettings settings) {

    public StoredTrees {
        features = List.copyOf(features);
        columns = List.copyOf(columns);
    }
}
