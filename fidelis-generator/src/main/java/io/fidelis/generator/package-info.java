/** A seeded, synthetic corporate loan book in the contract's CSV format, with every customer's intended class. */
package io.fidelis.generator;
