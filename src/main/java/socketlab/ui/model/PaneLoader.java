package socketlab.ui.model;

import static socketlab.lesson.PaneSettings.ALTER_FILE;
import static socketlab.lesson.PaneSettings.ANSWER_COMMANDS;
import static socketlab.lesson.PaneSettings.ECHO;
import static socketlab.lesson.PaneSettings.FRAMING;
import static socketlab.lesson.PaneSettings.GAP_MS;
import static socketlab.lesson.PaneSettings.GENERATED;
import static socketlab.lesson.PaneSettings.MESSAGES;
import static socketlab.lesson.PaneSettings.MODEL;
import static socketlab.lesson.PaneSettings.NO_DELAY;
import static socketlab.lesson.PaneSettings.RECV_BUFFER;
import static socketlab.lesson.PaneSettings.RECV_DELAY_MS;
import static socketlab.lesson.PaneSettings.REUSE_ADDRESS;

import socketlab.lesson.PaneSettings;

/**
 * Puts a run's settings (a lesson's, a scenario's) into the server and client panes, so that what
 * the panes show is what ran and Start or Send does it again. A knob the settings leave unset keeps
 * what the pane has.
 */
final class PaneLoader {
    private PaneLoader() {
    }

    static void load(PaneSettings p, ServerViewModel server, ClientViewModel client) {
        p.ifSet(FRAMING, spec -> {
            server.framing.set(spec);
            client.framing.set(spec);
        });
        p.ifSet(RECV_BUFFER, server.recvBuffer::set);
        p.ifSet(RECV_DELAY_MS, server.recvDelayMs::set);
        p.ifSet(MODEL, server.model::set);
        p.ifSet(REUSE_ADDRESS, server.reuseAddress::set);
        p.ifSet(ANSWER_COMMANDS, server.commands::set);
        p.ifSet(ECHO, server.echo::set);
        p.ifSet(GAP_MS, client.gapMs::set);
        p.ifSet(MESSAGES, client.messagesText::set);
        p.ifSet(GENERATED, bytes -> {
            client.addGenerated.set(bytes > 0);
            if (bytes > 0) {
                client.generatedSize.set(bytes);
            }
        });
        p.ifSet(ALTER_FILE, client.alterFile::set);
        p.ifSet(NO_DELAY, client.noDelay::set);
    }
}
