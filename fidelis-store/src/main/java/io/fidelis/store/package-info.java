/** Storage of the lender's book: the interfaces every store implements, and what an import reports. */
package io.fidelis.store;
