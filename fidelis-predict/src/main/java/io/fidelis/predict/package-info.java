/** Churn and default models trained with Tribuo, each checked against baselines, explained per customer and monitored. */
package io.fidelis.predict;
