/** The lender's policy: one immutable, validated, versioned value holding every threshold, weight, window and strategy. */
package io.fidelis.core.policy;
