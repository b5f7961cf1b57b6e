package socketlab.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** For tests that run real Python programs: skipped, said as such, where no python3 is installed. */
public final class Python3 {
    private Python3() {
    }

    public static void assumeInstalled() {
        boolean python;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            python = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            python = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            python = false;
        }
        assumeTrue(python, "python3 is not installed");
    }
}
