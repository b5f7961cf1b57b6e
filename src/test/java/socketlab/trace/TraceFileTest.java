package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;

/** A saved run opens again with identical events; a broken file names the line that is wrong. */
class TraceFileTest {

    static TraceLog run(Scenario s) throws Exception {
        TraceLog log = new TraceLog();
        new ScenarioRunner(log, TaskRunner.threads()).run(s);
        return log;
    }

    static void assertSameEvent(TraceEvent a, TraceEvent b) {
        String where = "event " + a.index() + " (" + a.op() + ")";
        assertEquals(a.tNs(), b.tNs(), where);
        assertEquals(a.op(), b.op(), where);
        assertEquals(a.side(), b.side(), where);
        assertEquals(a.conn(), b.conn(), where);
        assertEquals(a.offset(), b.offset(), where);
        assertEquals(a.bytes(), b.bytes(), where);
        assertEquals(a.requested(), b.requested(), where);
        assertEquals(a.available(), b.available(), where);
        assertEquals(a.durNs(), b.durNs(), where);
        assertEquals(a.a(), b.a(), where);
        assertEquals(a.b(), b.b(), where);
        assertEquals(a.wire(), b.wire(), where);
        assertEquals(a.verified(), b.verified(), where);
        assertEquals(a.digest(), b.digest(), where);
        assertEquals(a.text(), b.text(), where);
        assertArrayEquals(a.payload(), b.payload(), where);
    }

    @Test
    void saveThenOpenGivesIdenticalEventsAndSettings() throws Exception {
        TraceLog log = run(Scenario.CHINESE.withFraming(Framing.HEADER));
        TraceLog more = run(Scenario.PARTIAL); // a second run in another log: the file holds one log
        ObjectNode settings = new ObjectMapper().createObjectNode().put("scenario", "chinese").put("framing", "header:le");
        StringWriter out = new StringWriter();
        TraceFile.write(log, settings, out);

        TraceFile.Loaded back = TraceFile.read(new StringReader(out.toString()));
        assertEquals(log.size(), back.log().size());
        for (int i = 0; i < log.size(); i++) {
            assertSameEvent(log.get(i), back.log().get(i));
        }
        assertEquals("header:le", back.settings().get("framing").asText());
        TraceIndex a = new TraceIndex(log);
        a.update();
        TraceIndex b = new TraceIndex(back.log());
        b.update();
        assertEquals(a.summary(), b.summary(), "the counts come out the same");
        assertTrue(more.size() > 0);
    }

    @Test
    void aCliTraceOpensToo() throws Exception {
        TraceLog log = run(Scenario.STICKY);
        StringBuilder cli = new StringBuilder();
        for (int i = 0; i < log.size(); i++) {
            cli.append(TraceJson.line(log.get(i))).append('\n');
        }
        cli.append("{\"op\":\"summary\",\"side\":\"both\",\"conn\":0,\"t_ns\":1,\"sends\":2}\n");
        TraceFile.Loaded back = TraceFile.read(new StringReader(cli.toString()));
        TraceIndex idx = new TraceIndex(back.log());
        idx.update();
        assertEquals(1, idx.gluedTotal());
    }

    @Test
    void aBrokenLineIsNamedByNumber() {
        String text = "{\"op\":\"settings\",\"side\":\"both\",\"conn\":0,\"t_ns\":0}\n"
                + "{\"op\":\"listen\",\"side\":\"server\",\"conn\":1,\"t_ns\":5,\"port\":8080}\n"
                + "{\"op\":\"recv\",\"side\":\"server\",\"conn\":2,\"t_ns\":\"soon\"}\n";
        TraceFile.BadTraceException e = assertThrows(TraceFile.BadTraceException.class, () -> TraceFile.read(new StringReader(text)));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("t_ns"), e.getMessage());
        TraceFile.BadTraceException op = assertThrows(TraceFile.BadTraceException.class,
                () -> TraceFile.read(new StringReader("{\"op\":\"teleport\",\"side\":\"server\",\"conn\":1,\"t_ns\":1}\n")));
        assertTrue(op.getMessage().startsWith("line 1: unknown op \"teleport\""), op.getMessage());
        assertTrue(assertThrows(TraceFile.BadTraceException.class, () -> TraceFile.read(new StringReader("hello\n")))
                .getMessage().contains("not JSON"));
    }

    @Test
    void aSegmentOnTheWireReadsBackWithItsNumbersAndItsRowFindsItByPorts() throws Exception {
        TraceLog log = new TraceLog();
        TraceLog.Lane lane = log.newLane();
        lane.append(Segments.event(10, Side.CLIENT, 3, 0, 50000, 8080, Segments.SYN, 65495, 0, 0, new byte[0]));
        lane.append(Segments.event(20, Side.SERVER, 0, 0, 8080, 50000, Segments.SYN | Segments.ACK, 65483, 1, 0, new byte[0]));
        lane.append(Segments.event(30, Side.CLIENT, 3, 0, 50000, 8080, Segments.PSH | Segments.ACK, 65536, 1, 5,
                "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        log.life(Op.CONNECT, Side.CLIENT, 3, 50000, 8080, 0, null);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < log.size(); i++) {
            text.append(TraceJson.line(log.get(i))).append('\n');
        }
        assertTrue(text.toString().contains("\"flags\":\"SYN,ACK\""), text.toString());
        assertTrue(text.toString().contains("\"seq\":1,\"ack\":1,\"flags\":\"PSH,ACK\""), text.toString());
        TraceLog back = TraceFile.read(new StringReader(text.toString())).log();
        TraceEvent data = null;
        for (int i = 0; i < back.size(); i++) {
            if (back.op(i) == Op.SEGMENT && back.bytes(i) == 5) {
                data = back.get(i);
            }
        }
        assertEquals(1, data.seq());
        assertEquals(1, data.ack());
        assertEquals(Segments.PSH | Segments.ACK, data.flags());
        assertEquals(65536, data.window());
        assertEquals(50000, data.srcPort());
        assertEquals(8080, data.dstPort());
        assertEquals("hello", new String(data.payload(), java.nio.charset.StandardCharsets.US_ASCII));
        TraceIndex idx = new TraceIndex(back);
        idx.update();
        assertEquals(3, idx.segmentCount());
        Conn client = idx.conn(3);
        assertEquals(1, client.wire.data(50000).size(), "the client's end finds its data segment by its ports");
        assertEquals(1, client.wire.other(8080).size(), "and the server's SYN,ACK");
        assertEquals(1, ConnectionRow.of(idx).size(), "a segment is no row of its own");
        TraceFile.BadTraceException bad = assertThrows(TraceFile.BadTraceException.class, () -> TraceFile.read(new StringReader(
                "{\"op\":\"segment\",\"side\":\"client\",\"conn\":1,\"t_ns\":1,\"src_port\":1,\"dst_port\":2,\"len\":0,"
                        + "\"flags\":\"SYN,FOO\"}\n")));
        assertTrue(bad.getMessage().contains("flags"), bad.getMessage());
    }

    @Test
    void csvHasAHeaderAndARowPerEvent() throws Exception {
        TraceLog log = run(Scenario.STICKY);
        StringWriter out = new StringWriter();
        TraceCsv.write(log, out);
        String[] rows = out.toString().split("\r\n");
        assertEquals(TraceCsv.HEADER, rows[0]);
        assertEquals(log.size() + 1, rows.length);
        assertTrue(out.toString().contains(",recv,server,"));
        assertTrue(out.toString().contains("hello worldhaha"));
        String[] first = rows[1].split(",");
        assertEquals(TraceCsv.ms(Long.parseLong(first[1])), first[2], "each time in ms beside its ns");
        assertEquals("102.346", TraceCsv.ms(102_345_678L));
        assertEquals("0.000", TraceCsv.ms(0));
    }

    @Test
    void csvQuotesOnlyTheFieldsThatNeedItAndKeepsTheirTextWhole() throws Exception {
        TraceLog log = new TraceLog();
        log.error(Side.SERVER, 1, 0, socketlab.text.Phrase.verbatim("a, \"quoted\"\nline"));
        log.error(Side.SERVER, 1, 0, socketlab.text.Phrase.verbatim("plain words"));
        StringWriter out = new StringWriter();
        TraceCsv.write(log, out);
        String csv = out.toString();
        assertTrue(csv.startsWith(TraceCsv.HEADER + "\r\n"), csv);
        assertTrue(csv.contains(",\"a, \"\"quoted\"\"\nline\",\r\n"), "comma, quote and line break: quoted, quotes doubled: " + csv);
        assertTrue(csv.contains(",plain words,\r\n"), "nothing to escape: as it is: " + csv);
    }

    @Test
    void aSavedTraceKeepsEachConnectionsNoteAsWordsAndAMadeUpSelectListIsIgnored() throws Exception {
        TraceLog log = new TraceLog();
        socketlab.text.Note note = socketlab.text.Note.of(socketlab.text.Note.Word.FRAMING, "header:le")
                .and(socketlab.text.Note.Word.ECHO);
        log.life(Op.ACCEPT, Side.SERVER, 1, 8080, 50_000, 0, note);
        log.select(Side.SERVER, 0, 2, "accept #abc #99999999999 #1");
        StringWriter out = new StringWriter();
        TraceFile.write(log, null, out);
        assertTrue(out.toString().contains("\"settings\":\"framing header:le · echo\""), "the text stays for scripts: " + out);
        TraceLog back = TraceFile.read(new StringReader(out.toString())).log();
        assertEquals(2, back.size());
        assertEquals(note, back.get(0).said(), "and the words come back");
        TraceIndex idx = new TraceIndex(back);
        idx.update(); // "#abc" and an id past int were a NumberFormatException at every pulse
        assertEquals(1, idx.conn(1).readyIn.size(), "#1 is named ready; the made-up ids are nobody");
    }

    @Test
    void anErrorComesBackFromAFileAsItsPhraseSoItIsWordedInTheLanguageTheWindowSpeaksWhenOpened() throws Exception {
        TraceLog log = new TraceLog();
        log.error(Side.SERVER, 1, 0, socketlab.text.Phrase.of("io.reset", socketlab.text.Phrase.of("doing.receiving")));
        log.error(Side.SERVER, 1, 4, socketlab.text.Phrase.of("incomplete.lengthField", 2).asSentence());
        StringWriter out = new StringWriter();
        TraceFile.write(log, null, out);
        String file = out.toString();
        assertTrue(file.contains("\"message\":\"Connection reset by the peer while receiving"), "English for scripts: " + file);
        assertTrue(file.contains("\"phrase\":{\"key\":\"io.reset\",\"args\":[{\"key\":\"doing.receiving\"}]}"), file);
        try {
            socketlab.text.I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            TraceLog back = TraceFile.read(new StringReader(file)).log();
            assertEquals(2, back.size());
            assertTrue(back.get(0).said().words().startsWith("接收时连接被对方重置"), back.get(0).said().words());
            assertTrue(back.get(1).said().words().endsWith("只收到 2 个。"), back.get(1).said().words());
            assertEquals(log.get(1).text(), back.get(1).text(), "the text stays the trace's English");
        } finally {
            socketlab.text.I18n.setLocale(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void anErrorWhosePhraseThisLabDoesNotKnowKeepsTheTextItWasSavedWith() throws Exception {
        String line = "{\"op\":\"error\",\"side\":\"server\",\"conn\":1,\"t_ns\":5,\"offset\":0,"
                + "\"message\":\"from a later lab\",\"phrase\":{\"key\":\"io.fromTheFuture\"}}\n";
        TraceLog back = TraceFile.read(new StringReader(line)).log();
        assertEquals(1, back.size());
        assertEquals(null, back.get(0).said());
        assertEquals("from a later lab", back.get(0).text());
    }

    @Test
    void aCountOfUnrecordedCallsIsSavedAndComesBackWithItsOpItsCallsAndItsBytes() throws Exception {
        TraceLog log = new TraceLog(new MemoryBudget(1 << 20));
        TraceLog.Lane lane = log.newLane();
        for (int i = 0; i < 50_000; i++) {
            lane.io(Op.SEND, Side.CLIENT, 3, 10L * i, 10, 0, TraceLog.NOT_MEASURED, 1, null, 0);
        }
        lane.life(Op.CLOSE, Side.CLIENT, 3, 5000, 0, 500_000, null);
        StringWriter out = new StringWriter();
        TraceFile.write(log, null, out);
        String file = out.toString();
        assertTrue(file.contains("\"op\":\"unrecorded\",\"side\":\"client\",\"conn\":3"), "the count is in the file");
        assertTrue(file.contains("\"of\":\"send\""), file.substring(file.indexOf("unrecorded") - 10, file.indexOf("unrecorded") + 160));
        TraceLog back = TraceFile.read(new StringReader(file)).log();
        TraceIndex idx = new TraceIndex(back);
        idx.update();
        Conn c = idx.conn(3);
        assertEquals(50_000, c.sends.size() + c.unrecordedSends, "every send, drawn or counted");
        assertEquals(500_000, c.bytesSent, "every byte");
        assertEquals(50_000, idx.summary().sends());
    }

    @Test
    void aFrameOver4KiBThatIsValidUtf8KeepsItsWholeTextInTheTrace() throws Exception {
        TraceLog log = new TraceLog();
        String text = "粘包".repeat(2000); // 12,000 bytes of UTF-8
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        log.message(Op.FRAME, Side.SERVER, 1, 0, 0, 4, body.length + 4, body, 1, socketlab.codec.Verdict.UNKNOWN, null);
        String line = TraceJson.line(log.get(0));
        assertTrue(line.contains("\"text\":\"" + text + "\""), "the whole text, past the 4 KiB a call keeps");
        assertEquals(body.length, log.get(0).payload().length);
    }

    @Test
    void absurdValuesInAFileAreRefusedWithTheirFieldAndLine() {
        String ok = "{\"op\":\"recv\",\"side\":\"server\",\"conn\":1,\"t_ns\":5000,\"bytes\":3,\"offset\":0,\"requested\":8,\"dur_ns\":10}";
        String[][] cases = {
            {"\"bytes\":3", "\"bytes\":-5", "\"bytes\" must be 0 to"},
            {"\"bytes\":3", "\"bytes\":4294967301", "\"bytes\" must be 0 to"}, // 2^32 + 5 was read as 5
            {"\"dur_ns\":10", "\"dur_ns\":9200000000000000000", "\"dur_ns\" must be 0 to"},
            {"\"dur_ns\":10", "\"dur_ns\":500000000000", "cannot have begun before the trace did"},
            {"\"conn\":1", "\"conn\":-1", "\"conn\" must be 0 to"},
            {"\"offset\":0", "\"offset\":-7", "\"offset\" must be 0 to"},
            {"\"t_ns\":5000", "\"t_ns\":123456789012345678901234567890", "far too large"},
        };
        for (String[] c : cases) {
            String line = ok.replace(c[0], c[1]);
            String said = assertThrows(TraceFile.BadTraceException.class,
                    () -> TraceFile.read(new StringReader(ok + "\n" + line + "\n"))).getMessage();
            assertTrue(said.startsWith("line 2: ") && said.contains(c[2]), c[1] + ": " + said);
        }
        String port = "{\"op\":\"accept\",\"side\":\"server\",\"conn\":1,\"t_ns\":1,\"local_port\":70000,\"remote_port\":1}";
        assertTrue(assertThrows(TraceFile.BadTraceException.class, () -> TraceFile.read(new StringReader(port)))
                .getMessage().contains("\"local_port\" must be 0 to 65535, got 70000"));
    }

    @Test
    void aTraceFileWithAByteOrderMarkOpensAndOneWithBytesThatAreNotUtf8NamesTheLine(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        String two = "{\"op\":\"listen\",\"side\":\"server\",\"conn\":1,\"t_ns\":1,\"port\":9000}\n"
                + "{\"op\":\"error\",\"side\":\"server\",\"conn\":1,\"t_ns\":2,\"message\":\"caf\u00e9\"}\n";
        java.nio.file.Path bom = dir.resolve("bom.jsonl");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(two.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.file.Files.write(bom, b.toByteArray());
        assertEquals(2, TraceFile.read(bom).log().size(), "a BOM is skipped");

        java.nio.file.Path latin1 = dir.resolve("latin1.jsonl");
        java.nio.file.Files.write(latin1, two.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String said = assertThrows(TraceFile.BadTraceException.class, () -> TraceFile.read(latin1)).getMessage();
        assertTrue(said.startsWith("line 2: ") && said.contains("not UTF-8"), said);

        java.nio.file.Path utf16 = dir.resolve("utf16.jsonl");
        java.nio.file.Files.write(utf16, two.getBytes(java.nio.charset.StandardCharsets.UTF_16));
        said = assertThrows(java.io.IOException.class, () -> TraceFile.read(utf16)).getMessage();
        assertTrue(said.contains("UTF-16"), said);
    }

    @Test
    void aSavedTraceAndItsCsvNumberEachConnectionAsTheWindowDoesBothEndsAlike() throws Exception {
        TraceLog log = new TraceLog();
        ScenarioRunner runner = new ScenarioRunner(log, TaskRunner.threads());
        runner.run(Scenario.STICKY);
        ScenarioRunner.Result second = runner.run(Scenario.STICKY.withFraming(socketlab.codec.Framing.HEADER));
        StringWriter json = new StringWriter();
        TraceFile.write(log, null, json);
        java.util.Map<Integer, java.util.Set<Integer>> rowsByConn = new java.util.HashMap<>();
        for (String line : json.toString().split("\n")) {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            if (n.has("row")) {
                rowsByConn.computeIfAbsent(n.get("conn").asInt(), k -> new java.util.HashSet<>()).add(n.get("row").asInt());
            }
        }
        assertEquals(java.util.Set.of(2), rowsByConn.get(second.clientConn()), "the second run's client is row #2");
        assertEquals(java.util.Set.of(2), rowsByConn.get(second.serverConn()), "and so is its server end");
        StringWriter csv = new StringWriter();
        TraceCsv.write(log, csv);
        String[] lines = csv.toString().split("\r\n");
        assertTrue(lines[0].startsWith("index,t_ns,t_ms,op,side,conn,row,"), lines[0]);
        long secondRows = java.util.Arrays.stream(lines).skip(1)
                .filter(l -> l.split(",")[5].equals(String.valueOf(second.serverConn()))).map(l -> l.split(",")[6]).distinct().count();
        assertEquals(1, secondRows, "one row number for every line of an end");
        assertEquals(log.size(), TraceFile.read(new StringReader(json.toString())).log().size(), "and the file opens whole");
    }
}
