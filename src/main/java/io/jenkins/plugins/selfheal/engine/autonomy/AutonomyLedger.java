package io.jenkins.plugins.selfheal.engine.autonomy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A job's autonomy bookkeeping beside its policy: counted as verdicts are learned, so the gate reads
 * a few numbers at decision time instead of the episode log. One instance per file serialises the
 * changes (and remembers the data); the file is replaced atomically. Unreadable, it is set aside
 * and started over with a warning: the counts then grow again from new verdicts.
 */
public final class AutonomyLedger {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path file;
    private final Consumer<String> warnings;
    private LedgerData data;
    /** Whether {@link #data} was saved to the file: a file gone since (the job deleted) starts over. */
    private boolean saved;

    public AutonomyLedger(Path file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** What people said of each action in each state under policy {@code generation} (none for another generation). */
    public synchronized AutonomyGate.Judgements judgements(String generation) throws IOException {
        LedgerData now = load();
        Map<String, Map<String, Judgement>> counts = generation.equals(now.generation()) ? now.judgements() : Map.of();
        return (state, action) -> counts.getOrDefault(state, Map.of()).getOrDefault(action.id(), Judgement.NONE);
    }

    /**
     * Counts a learned episode's verdict on the action that ended it (the one the verdict judges): accepted,
     * rejected, or an override (the chosen action rejected, the named one accepted); in shadow mode also
     * as agreement. Episodes without a person's verdict change nothing.
     */
    public synchronized void judged(Episode episode, boolean shadow) throws IOException {
        Optional<HealAttempt> last = episode.heal().lastStep();
        if (!episode.verdict().judged() || last.isEmpty()) {
            return;
        }
        LedgerData now = load();
        boolean sameGeneration = episode.generation().equals(now.generation());
        Map<String, Map<String, Judgement>> counts = copy(sameGeneration ? now.judgements() : Map.of());
        String state = last.get().state();
        ActionKind chosen = last.get().action();
        boolean accepted = episode.verdict() == Verdict.ACCEPTED || episode.override().filter(chosen::equals).isPresent();
        count(counts, state, chosen, accepted);
        episode.override().filter(better -> better != chosen).ifPresent(better -> count(counts, state, better, true));
        Map<String, Judgement> byState = new TreeMap<>(sameGeneration ? now.shadowByState() : Map.of());
        Map<String, Judgement> byDay = new TreeMap<>(sameGeneration ? now.shadowByDay() : Map.of());
        if (shadow) {
            boolean agreed = accepted;
            byState.merge(state, Judgement.NONE.plus(agreed), (a, b) -> a.plus(agreed));
            String day = episode.decidedAt().orElse(episode.at()).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            byDay.merge(day, Judgement.NONE.plus(agreed), (a, b) -> a.plus(agreed));
        }
        save(new LedgerData(episode.generation(), counts, byState, byDay, now.heals(), now.lastFailedHeal(),
                now.simulatedLearned(), now.simulatedNotLearned(), now.lastSettings()));
    }

    /**
     * Records a heal in which an action ran (for the hourly cap), when it failed (for the cool-down), and the
     * gate it ran under (the job page judges "would act alone" at the threshold the job's heals use).
     */
    public synchronized void healRan(Instant at, boolean failed, AutonomyGate.Settings settings) throws IOException {
        LedgerData now = load();
        List<Long> heals = new ArrayList<>();
        long hourAgo = at.minus(HealBudget.HOUR).toEpochMilli();
        now.heals().stream().filter(t -> t > hourAgo).forEach(heals::add);
        heals.add(at.toEpochMilli());
        save(new LedgerData(now.generation(), now.judgements(), now.shadowByState(), now.shadowByDay(), heals,
                failed ? Long.valueOf(at.toEpochMilli()) : now.lastFailedHeal(), now.simulatedLearned(), now.simulatedNotLearned(),
                new LedgerData.UsedSettings(settings.autonomy().id(), settings.threshold(), at.toEpochMilli())));
    }

    /** Counts an episode on an injected failure, learned or not (the pages show both). */
    public synchronized void simulated(boolean learned) throws IOException {
        LedgerData now = load();
        save(new LedgerData(now.generation(), now.judgements(), now.shadowByState(), now.shadowByDay(), now.heals(),
                now.lastFailedHeal(), now.simulatedLearned() + (learned ? 1 : 0), now.simulatedNotLearned() + (learned ? 0 : 1),
                now.lastSettings()));
    }

    /** Why a heal starting now is refused by {@code budget}, if it is. */
    public synchronized Optional<String> refusal(HealBudget budget, Instant now) throws IOException {
        LedgerData current = load();
        return budget.refusal(current.heals().stream().map(Instant::ofEpochMilli).toList(),
                Optional.ofNullable(current.lastFailedHeal()).map(Instant::ofEpochMilli), now);
    }

    /** The bookkeeping as it is now, for a page. */
    public synchronized LedgerView view(String generation) throws IOException {
        return new LedgerView(load(), generation);
    }

    private LedgerData load() throws IOException {
        if (data == null || (saved && !Files.exists(file))) {
            data = read();
            saved = Files.exists(file);
        }
        return data;
    }

    private LedgerData read() throws IOException {
        if (!Files.exists(file)) {
            return LedgerData.empty("");
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), LedgerData.class);
        } catch (JacksonException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            Files.move(file, aside);
            warnings.accept(file.getFileName() + " could not be read (" + e.getOriginalMessage() + "); moved to "
                    + aside.getFileName() + ", confidence starts over");
            return LedgerData.empty("");
        }
    }

    private void save(LedgerData next) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(next));
        data = next;
        saved = true;
    }

    private static Map<String, Map<String, Judgement>> copy(Map<String, Map<String, Judgement>> counts) {
        Map<String, Map<String, Judgement>> copy = new TreeMap<>();
        counts.forEach((state, row) -> copy.put(state, new TreeMap<>(row)));
        return copy;
    }

    private static void count(Map<String, Map<String, Judgement>> counts, String state, ActionKind action, boolean accept) {
        counts.computeIfAbsent(state, s -> new TreeMap<>()).merge(action.id(), Judgement.NONE.plus(accept), (a, b) -> a.plus(accept));
    }
}
