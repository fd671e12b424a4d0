package io.fidelis.generator;

import io.fidelis.core.domain.InteractionType;
import java.time.LocalDate;

/** An interaction before its channel is drawn and before it is checked against the period. */
record Touch(LocalDate on, InteractionType type) {}
