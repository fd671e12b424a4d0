/** Reading the contract's CSV files: encodings, delimiters, date and amount forms, row-level validation. */
package io.fidelis.store.csv;
