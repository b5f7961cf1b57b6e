package socketlab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import socketlab.codec.Verdict;
import socketlab.text.Phrase;

/** A message list holds its last rows only, takes a pulse's rows in one change, and counts the rows that gave way. */
class MessageListBoundTest {

    private static List<MessageRow> rows(int from, int n) {
        List<MessageRow> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(new MessageRow(1, Phrase.verbatim("m" + i), Verdict.OK, false, i, 2));
        }
        return out;
    }

    @Test
    void aPulseOfRowsIsOneChangeAndTheListKeepsOnlyItsLastRows() {
        ObservableList<MessageRow> list = FXCollections.observableArrayList();
        SimpleIntegerProperty earlier = new SimpleIntegerProperty();
        int[] changes = new int[1];
        list.addListener((ListChangeListener<MessageRow>) c -> changes[0]++);

        MessageFeed.append(list, rows(0, 1500), earlier);
        assertEquals(1, changes[0], "1,500 rows arrive as one change");
        assertEquals(1500, list.size());
        assertEquals(0, earlier.get());

        MessageFeed.append(list, rows(1500, 1500), earlier);
        assertEquals(MessageRow.LISTED_MOST, list.size());
        assertEquals(1000, earlier.get(), "the 1,000 oldest gave way");
        assertEquals(1000, list.get(0).event(), "the list starts at the oldest row it still holds");
        assertEquals(2999, list.get(list.size() - 1).event());

        MessageFeed.append(list, rows(3000, 5000), earlier);
        assertEquals(MessageRow.LISTED_MOST, list.size());
        assertEquals(6000, earlier.get());
        assertEquals(6000, list.get(0).event());
        assertEquals(7999, list.get(list.size() - 1).event());
    }
}
