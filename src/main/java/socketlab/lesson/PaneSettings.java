package socketlab.lesson;

import socketlab.net.ServerSettings;

/**
 * Where a lesson puts what its run uses, so the learner can do it again by hand and change one
 * thing: the window's server and client panes. Before an experiment loads its settings, the panes
 * are back at their defaults (a threaded server, SO_REUSEADDR on, no commands, no echo, no generated
 * message).
 */
public interface PaneSettings {
    /** Both ends' framing, as a spec ("none", "header:le", …). */
    void framing(String spec);

    void recvBuffer(int bytes);

    void recvDelayMs(int ms);

    void gapMs(int ms);

    /** The client's messages, one per line (one send() each). */
    void messages(String lines);

    /** A generated message of {@code bytes} readable bytes, sent after the typed ones. */
    void generated(int bytes);

    void model(ServerSettings.Model model);

    void reuseAddress(boolean on);

    void answerCommands(boolean on);

    void alterFile(boolean on);

    void noDelay(boolean on);
}
