/** The lender's records as immutable values: customers, loans, installments, complaints, surveys, interactions. */
package io.fidelis.core.domain;
