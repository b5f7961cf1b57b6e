package socketlab.net;

import java.io.IOException;

/**
 * How a {@link LabServer} serves its connections: the loop it runs on its first thread until the
 * server stops — accept and hand off, accept and serve, or select. One class per model (the
 * tutorial's chapter 10 and its select appendix); {@link #of} is the only place that picks one.
 */
interface ServingModel {

    /** Serves {@code server}'s listener until it stops; a closed listener ends the loop by throwing. */
    void serve(LabServer server) throws IOException, InterruptedException;

    /** What the loop was doing when it failed, as a key of the engine's words. */
    default String doing() {
        return "doing.accepting";
    }

    static ServingModel of(ServerSettings.Model model) {
        return switch (model) {
            case THREADED -> new ThreadPerConnection();
            case ITERATIVE -> new Iterative();
            case SELECTOR -> new SelectorModel();
        };
    }
}
