package org.dermdesk.imaging;

import java.io.ByteArrayOutputStream;

/** Builds JPEGs with an EXIF orientation tag, as phones and dermatoscope cameras write them. */
final class ExifTestImages {

    private ExifTestImages() {
    }

    /** Inserts an APP1 EXIF segment holding only the orientation tag right after the SOI marker. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8,           // big-endian TIFF header, IFD at offset 8
            0, 1,                                  // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1,          // tag 0x0112 orientation, SHORT, count 1
            0, (byte) orientation, 0, 0,           // value
            0, 0, 0, 0                             // no next IFD
        };
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
