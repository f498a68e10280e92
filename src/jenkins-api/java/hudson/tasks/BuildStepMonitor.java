package hudson.tasks;

/**
 * Declaration of Jenkins 2.516.2 {@code hudson.tasks.BuildStepMonitor} (compile-only, never packaged).
 * The real type is an enum whose constants have bodies (hence {@code public abstract class … extends
 * Enum} in the listing). An enum declaration would need those bodies too, and javac would emit
 * {@code BuildStepMonitor$1..$3}, types that are not in the listings. The plugin only reads
 * {@code BuildStepMonitor.NONE} ({@code getstatic} of a {@code BuildStepMonitor} field: the same bytecode
 * either way), so it is declared as the abstract class javap shows, without the implicit Enum supertype.
 */
public abstract class BuildStepMonitor {
    /** An object constant: {@code null} here is never inlined; the real value is used at run time. */
    public static final BuildStepMonitor NONE = null;

    private BuildStepMonitor() {
    }
}
