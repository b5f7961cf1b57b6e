package socketlab.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes pixels as a PNG with the JDK's own encoder (javax.imageio), off the UI thread. */
public final class Png {
    private Png() {
    }

    /** {@code argb}: width × height pixels, row by row, 0xAARRGGBB. */
    public static void write(int width, int height, int[] argb, Path file) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }
}
