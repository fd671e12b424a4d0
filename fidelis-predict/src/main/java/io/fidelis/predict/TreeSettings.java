package io.fidelis.predict;

/**
 * The boosted trees' settings (xgboost's names in brackets), stored with the model. One thread, so that the same data
 * and seed give the same trees byte for byte (xgboost's histogram sums in another order on more threads).
 *
 * @param trees boosting rounds (num_round)
 * @param maxDepth the largest tree depth (max_depth)
 * @param eta the learning rate (eta)
 * @param minChildWeight the smallest hessian sum in a leaf (min_child_weight)
 * @param subsample the share of rows each tree sees (subsample)
 * @param featureSubsample the share of features each tree sees (colsample_bytree)
 * @param lambda the L2 penalty on leaf weights (lambda)
 * @param threads xgboost's threads (nthread): always 1
 */
public record TreeSettings(
        int trees,
        int maxDepth,
        double eta,
        double minChildWeight,
        double subsample,
        double featureSubsample,
        double lambda,
        int threads) {

    public TreeSettings {
        if (trees < 1 || maxDepth < 1 || eta <= 0 || eta > 1) {
            throw new IllegalArgumentException(
                    "need at least one tree of depth at least 1 and a learning rate in (0, 1], not " + trees
                            + " trees, depth " + maxDepth + ", eta " + eta);
        }
    }

    /** The shipped settings: 300 trees of depth 4 at learning rate 0.05 (measured in docs/prediction.md). */
    public static TreeSettings standard() {
        return of(300, 4, 0.05);
    }

    /** The given size and rate, the rest as shipped. */
    public static TreeSettings of(int trees, int maxDepth, double eta) {
        return new TreeSettings(trees, maxDepth, eta, 1, 0.8, 0.8, 1, 1);
    }
}
