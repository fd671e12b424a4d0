/** Classifies a customer as of a date: loyalty tier with score and reasons, lifecycle stage with reasons, actions. */
package io.fidelis.core.classification;
