package io.daprj.components.core.crypto;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough DER to turn PKCS#1 and SEC1 keys into the PKCS#8 / SPKI forms the JDK reads, and to find the public
 * point inside an EC private key: read a TLV, list a sequence's elements, write a TLV.
 */
final class Der {

    /** One element: its tag and the bytes of its value. */
    record Element(int tag, byte[] value) {

        List<Element> children() {
            return Der.elements(value);
        }
    }

    static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    static final int SEQUENCE = 0x30;
    static final int OCTET_STRING = 0x04;
    static final int BIT_STRING = 0x03;
    static final int OID = 0x06;

    private Der() {}

    static Element read(byte[] der) {
        List<Element> all = elements(der);
        if (all.size() != 1) {
            throw new IllegalArgumentException("not a single DER element");
        }
        return all.get(0);
    }

    static List<Element> elements(byte[] der) {
        List<Element> out = new ArrayList<>();
        int pos = 0;
        while (pos < der.length) {
            int tag = der[pos++] & 0xff;
            int len = der[pos++] & 0xff;
            if (len > 0x80) {
                int count = len - 0x80;
                len = 0;
                for (int i = 0; i < count; i++) {
                    len = (len << 8) | (der[pos++] & 0xff);
                }
            }
            if (len < 0 || pos + len > der.length) {
                throw new IllegalArgumentException("truncated DER");
            }
            out.add(new Element(tag, Arrays.copyOfRange(der, pos, pos + len)));
            pos += len;
        }
        return out;
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            value.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.size();
        if (len < 0x80) {
            out.write(len);
        } else {
            byte[] bytes = java.math.BigInteger.valueOf(len).toByteArray();
            int skip = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 + bytes.length - skip);
            out.write(bytes, skip, bytes.length - skip);
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }

    static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
