package socketlab.ui.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import socketlab.codec.Framing;
import socketlab.net.LabException;
import socketlab.scenario.Scenario;
import socketlab.text.Phrase;

/**
 * What the panes hold now, as a scenario a teacher can save and open again: the client's messages
 * (one per line, and the generated one when it is on), the framing both panes use, the gap between
 * sends, the server's recv() size and delay. Only what the panes show goes in — nothing hidden.
 */
final class ScenarioDraft {
    private ScenarioDraft() {
    }

    /**
     * The panes' scenario, titled and noted in each language given ({@code "en"}, {@code "zh"}; blank ones
     * are left out). Refused, in words, when the two panes frame differently (a scenario has one framing),
     * when the client has no message, or when no title is given.
     */
    static Scenario of(ServerViewModel server, ClientViewModel client, String id, Map<String, String> titles,
                       Map<String, String> notes) throws LabException {
        String clientSpec = client.framing.get();
        String serverSpec = server.framing.get();
        Framing framing;
        try {
            framing = Framing.parse(clientSpec);
            if (!Framing.parse(serverSpec).spec().equals(framing.spec())) {
                throw new LabException(Phrase.window("scenario.save.framingsDiffer", clientSpec, serverSpec));
            }
        } catch (IllegalArgumentException e) {
            throw new LabException(Phrase.of(e));
        }
        List<byte[]> messages = client.outgoing();
        if (messages.isEmpty()) {
            throw new LabException(Phrase.window("scenario.save.noMessages"));
        }
        Map<String, String> t = given(titles);
        if (t.isEmpty()) {
            throw new LabException(Phrase.window("scenario.save.noTitle"));
        }
        return new Scenario(id, t.getOrDefault("en", t.values().iterator().next()), messages, server.recvBuffer.get(),
                server.recvDelayMs.get(), List.of(), framing, client.gapMs.get(), t, given(notes));
    }

    /** A scenario's id from a file name: "My sticky case.json" → "My-sticky-case". */
    static String idOf(String fileName) {
        String base = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        String id = base.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "scenario" : id.substring(0, Math.min(64, id.length()));
    }

    private static Map<String, String> given(Map<String, String> byLanguage) {
        Map<String, String> out = new LinkedHashMap<>();
        byLanguage.forEach((lang, text) -> {
            if (text != null && !text.isBlank()) {
                out.put(lang, text.strip());
            }
        });
        return out;
    }
}
