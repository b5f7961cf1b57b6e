/** Socket Lab: watch TCP sockets glue and split messages, on real loopback sockets. */
module socketlab {
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires info.picocli;
    requires java.desktop; // javax.imageio writes the PNG export
    requires jdk.net; // ExtendedSocketOptions.TCP_QUICKACK (the Nagle experiment's third row)
    // getsockopt(TCP_INFO) for the lab's own sockets (net.ForeignTcpInfo), Java 17's incubating FFI: optional,
    // resolved only where the JVM is started with --add-modules jdk.incubator.foreign (the runtime image is)
    requires static jdk.incubator.foreign;

    exports socketlab;
    exports socketlab.codec;
    exports socketlab.text;
    exports socketlab.trace;
    exports socketlab.net;
    exports socketlab.exec;
    exports socketlab.scenario;
    exports socketlab.cli;
    exports socketlab.export;
    exports socketlab.lesson;
    exports socketlab.wire;
    exports socketlab.ui to javafx.graphics;
    exports socketlab.ui.timeline; // the timeline control: the benchmark draws it
    opens socketlab.cli to info.picocli;
    opens socketlab.ui to javafx.graphics;
    opens socketlab.ui.timeline to javafx.graphics; // timeline.css, the control's user-agent stylesheet
    opens socketlab.assets to javafx.graphics;
}
