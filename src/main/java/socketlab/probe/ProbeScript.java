package socketlab.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The probe, shipped in the lab's assets (so in the image too), put where Python can run it: a file of its own. */
final class ProbeScript {
    static final String RESOURCE = "/socketlab/assets/probe/socketlab_probe.py";

    private ProbeScript() {
    }

    /** Writes the probe to a new temporary file and returns it; the caller deletes it. */
    static Path extract() throws IOException {
        Path dir = Files.createTempDirectory("socketlab-probe");
        Path file = dir.resolve("socketlab_probe.py");
        try (InputStream in = ProbeScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the lab's probe " + RESOURCE + " is missing from the build");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        dir.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
        return file;
    }
}
