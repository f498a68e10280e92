package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.time.Instant;

/**
 * One change of one Q-table cell, recorded in the episode log so the table can be rebuilt
 * exactly from the log: {@code after} is the cell's value once the update was applied.
 */
public record QUpdate(String state, ActionKind action, double reward, double target, double before,
                      double after, Instant at) {
}
