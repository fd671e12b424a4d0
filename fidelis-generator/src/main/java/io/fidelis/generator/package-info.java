/** A seeded, synthetic corporate loan book in the input contract's CSV format, with the intended class of every customer (see {@link io.fidelis.generator.Archetype}). */
package io.fidelis.generator;
