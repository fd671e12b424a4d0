/** Honest evaluation of strategies: intervals, tests, difference-in-differences, randomised arms and migration matrices. */
package io.fidelis.core.evaluation;
