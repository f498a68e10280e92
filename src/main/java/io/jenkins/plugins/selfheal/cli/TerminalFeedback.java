package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.learn.Feedback;

import java.io.PrintWriter;
import java.util.Locale;

/** The original simulation's y/n prompt, without its crash on closed input. */
final class TerminalFeedback {
    private final ConsoleInput input;
    private final PrintWriter out;

    TerminalFeedback(ConsoleInput input, PrintWriter out) {
        this.input = input;
        this.out = out;
    }

    Feedback ask(String state, String action, String systemOutcome) throws InterruptedException {
        out.println();
        out.println("==============================");
        out.println("✍️ USER FEEDBACK REQUIRED:");
        out.println("  - Problem Detected: " + state);
        out.println("  - Agent's Chosen Action: " + action);
        out.println("  - System Outcome: " + systemOutcome);
        while (true) {
            out.print("Do you accept this action as a good solution for this problem? (y/n): ");
            out.flush();
            ConsoleInput.Answer answer = input.next();
            if (answer instanceof ConsoleInput.Answer.EndOfInput) {
                out.println();
                out.println("No feedback: the input ended before an answer; learning from the outcome only.");
                return Feedback.none("end of input");
            }
            if (answer instanceof ConsoleInput.Answer.NoAnswer noAnswer) {
                out.println();
                out.println("No feedback: no answer within " + noAnswer.waited().toSeconds()
                        + " s on a non-interactive input; learning from the outcome only.");
                return Feedback.none("no answer in time");
            }
            String text = ((ConsoleInput.Answer.Line) answer).text().trim().toLowerCase(Locale.ROOT);
            if (text.equals("y") || text.equals("yes")) {
                out.println("✅ Feedback recorded: accepted.");
                return Feedback.accepted();
            }
            if (text.equals("n") || text.equals("no")) {
                out.println("❌ Feedback recorded: rejected.");
                return Feedback.rejected();
            }
            out.println("Please answer y/yes or n/no.");
        }
    }
}
