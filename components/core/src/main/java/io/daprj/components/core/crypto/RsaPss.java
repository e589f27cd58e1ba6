package io.daprj.components.core.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * RSASSA-PSS (RFC 8017 §9.1) over a digest computed by the caller, which the JDK's {@code RSASSA-PSS} signature
 * cannot take. MGF1 uses the same hash. Signing uses a salt as long as the hash (RFC 7518's {@code PS256} …);
 * verifying detects the salt length, so signatures from Go (whose default salt is as long as possible) verify too.
 */
final class RsaPss {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RsaPss() {}

    static byte[] sign(String hash, Key privateKey, byte[] mHash) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(hash);
        int hLen = md.getDigestLength();
        requireDigest(mHash, hLen);
        int modBits = ((RSAKey) privateKey).getModulus().bitLength();
        int emLen = (modBits - 1 + 7) / 8;
        if (emLen < 2 * hLen + 2) {
            throw new GeneralSecurityException("key too small for PSS with " + hash);
        }
        byte[] salt = new byte[hLen];
        RANDOM.nextBytes(salt);
        md.update(new byte[8]);
        md.update(mHash);
        byte[] h = md.digest(salt);
        byte[] db = new byte[emLen - hLen - 1];
        db[db.length - hLen - 1] = 1;
        System.arraycopy(salt, 0, db, db.length - hLen, hLen);
        xor(db, mgf1(hash, h, db.length));
        db[0] &= (byte) (0xff >>> (8 * emLen - (modBits - 1)));
        byte[] em = new byte[emLen];
        System.arraycopy(db, 0, em, 0, db.length);
        System.arraycopy(h, 0, em, db.length, hLen);
        em[emLen - 1] = (byte) 0xbc;
        return raw(Cipher.ENCRYPT_MODE, privateKey, leftPad(em, (modBits + 7) / 8));
    }

    static boolean verify(String hash, Key publicKey, byte[] mHash, byte[] signature) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(hash);
        int hLen = md.getDigestLength();
        requireDigest(mHash, hLen);
        int modBits = ((RSAKey) publicKey).getModulus().bitLength();
        int k = (modBits + 7) / 8;
        int emLen = (modBits - 1 + 7) / 8;
        if (signature.length != k || new BigInteger(1, signature).compareTo(((RSAKey) publicKey).getModulus()) >= 0) {
            return false;
        }
        byte[] m = raw(Cipher.DECRYPT_MODE, publicKey, signature);
        byte[] em = Arrays.copyOfRange(leftPad(m, k), k - emLen, k);
        if (em[emLen - 1] != (byte) 0xbc || emLen < hLen + 2) {
            return false;
        }
        byte[] db = Arrays.copyOf(em, emLen - hLen - 1);
        byte[] h = Arrays.copyOfRange(em, db.length, db.length + hLen);
        int topMask = 0xff >>> (8 * emLen - (modBits - 1));
        if ((db[0] & ~topMask & 0xff) != 0) {
            return false;
        }
        xor(db, mgf1(hash, h, db.length));
        db[0] &= (byte) topMask;
        int i = 0;
        while (i < db.length && db[i] == 0) {
            i++;
        }
        if (i == db.length || db[i] != 1) {
            return false;
        }
        md.update(new byte[8]);
        md.update(mHash);
        md.update(db, i + 1, db.length - i - 1);
        return MessageDigest.isEqual(md.digest(), h);
    }

    private static void requireDigest(byte[] mHash, int hLen) {
        if (mHash.length != hLen) {
            throw new io.daprj.spi.crypto.CryptoOperationException("input must be hashed message");
        }
    }

    private static byte[] raw(int mode, Key key, byte[] input) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
        rsa.init(mode, key);
        return rsa.doFinal(input);
    }

    private static byte[] mgf1(String hash, byte[] seed, int length) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(hash);
        byte[] out = new byte[length];
        int filled = 0;
        for (int counter = 0; filled < length; counter++) {
            md.update(seed);
            md.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            byte[] block = md.digest();
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    private static void xor(byte[] target, byte[] mask) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= mask[i];
        }
    }

    private static byte[] leftPad(byte[] bytes, int length) {
        if (bytes.length >= length) {
            return bytes;
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        return out;
    }
}
