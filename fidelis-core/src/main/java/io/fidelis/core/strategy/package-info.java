/** What the lender does for a class of customer, and the guardrail that withholds loyalty benefits against credit risk. */
package io.fidelis.core.strategy;
