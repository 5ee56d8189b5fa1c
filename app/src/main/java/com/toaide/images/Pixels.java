package com.toaide.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Scaling decoded pictures down with care (halving steps, so fine detail does not shimmer). */
final class Pixels {
    private Pixels() {}

    static boolean hasAlpha(BufferedImage image) {
        return image.getColorModel().hasAlpha();
    }

    /** An RGB type for opaque pictures (what JPEG needs), ARGB for ones with transparency. */
    static int workingType(BufferedImage image) {
        return hasAlpha(image) ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    /** {@code image} at {@code width} (height in proportion); never larger than it is. */
    static BufferedImage scaleToWidth(BufferedImage image, int width) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (width >= w && image.getType() == workingType(image)) {
            return image;
        }
        int targetW = Math.min(width, w);
        int targetH = Math.max(1, (int) Math.round((double) h * targetW / w));
        BufferedImage current = image;
        int cw = w;
        int ch = h;
        do {
            // Bilinear is only sharp while each step at most halves the size.
            cw = Math.max(targetW, cw / 2);
            ch = cw == targetW ? targetH : Math.max(targetH, ch / 2);
            current = draw(current, cw, ch, workingType(image));
        } while (cw != targetW || ch != targetH);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int w, int h, int type) {
        var out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
