/** What is known about a customer as of a date: named, unit-bearing features computed from its history. */
package io.fidelis.core.features;
