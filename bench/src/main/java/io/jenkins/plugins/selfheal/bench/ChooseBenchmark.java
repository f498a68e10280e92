package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The in-memory choice: a state (cycling over the whole table) → a Decision with its explanation data. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChooseBenchmark {
    @Param({"8", "1000", "10000"})
    public int states;

    private QLearningPlanner planner;
    private String[] names;
    private final Set<ActionKind> allowed = EnumSet.allOf(ActionKind.class);
    private int next;

    @Setup
    public void setUp() {
        QTable table = Tables.filled(states, new Random(states));
        planner = new QLearningPlanner(table, LearningParameters.DEFAULTS, new Random(1), false);
        names = table.states().toArray(new String[0]);
    }

    @Benchmark
    public Decision choose() {
        next = next + 1 == names.length ? 0 : next + 1;
        return planner.decide(names[next], allowed);
    }
}
