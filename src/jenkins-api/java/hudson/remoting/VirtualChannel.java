package hudson.remoting;

/** Declaration of remoting 3309.v27b_9314fd1a_4 {@code hudson.remoting.VirtualChannel} (compile-only, never packaged). */
public interface VirtualChannel {
}
