/** Loading lender policies from YAML files, with every problem reported by key path and line. */
package io.fidelis.store.policy;
