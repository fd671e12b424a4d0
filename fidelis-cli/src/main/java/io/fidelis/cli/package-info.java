/** The {@code fidelis} command line: the composition root that wires the core, the store and the generator. */
package io.fidelis.cli;
