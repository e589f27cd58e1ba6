package io.daprj.components.core.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The DER inside a PEM block as a key: {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY} (PKCS#1),
 * {@code EC PRIVATE KEY} (SEC1), {@code PUBLIC KEY} (PKIX) and {@code RSA PUBLIC KEY} (PKCS#1). A private key comes
 * with its public key: embedded in the DER when present, else derived ({@link PublicKeys}).
 */
final class PemKeys {

    private static final String OID_RSA = "2a864886f70d010101";
    private static final String OID_EC = "2a8648ce3d0201";
    private static final String OID_ED25519 = "2b6570";

    private PemKeys() {}

    static CryptoKey decode(String type, byte[] der) throws GeneralSecurityException {
        return switch (type) {
            case "PRIVATE KEY" -> pkcs8(der);
            case "RSA PRIVATE KEY" -> pkcs8(Der.tlv(Der.SEQUENCE, Der.hex("020100"), Der.RSA_ALGORITHM,
                    Der.tlv(Der.OCTET_STRING, der)));
            case "EC PRIVATE KEY" -> pkcs8(Der.tlv(Der.SEQUENCE, Der.hex("020100"),
                    Der.tlv(Der.SEQUENCE, Der.tlv(Der.OID, Der.hex(OID_EC)), sec1Curve(der)),
                    Der.tlv(Der.OCTET_STRING, der)));
            case "PUBLIC KEY" -> CryptoKey.asymmetric(spki(der), Optional.empty());
            case "RSA PUBLIC KEY" -> CryptoKey.asymmetric(spki(Der.tlv(Der.SEQUENCE, Der.RSA_ALGORITHM,
                    Der.tlv(Der.BIT_STRING, new byte[] {0}, der))), Optional.empty());
            default -> throw new IllegalArgumentException("unsupported PEM block type " + type);
        };
    }

    private static CryptoKey pkcs8(byte[] der) throws GeneralSecurityException {
        List<Der.Element> parts = Der.read(der).children();
        String oid = algorithmOid(parts.get(1));
        String algorithm = keyAlgorithm(oid);
        PrivateKey priv = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        PublicKey pub = priv instanceof ECPrivateKey ec
                ? embeddedEcPoint(parts.get(2).value(), ec).orElseGet(() -> PublicKeys.derive(priv))
                : PublicKeys.derive(priv);
        return CryptoKey.asymmetric(pub, Optional.of(priv));
    }

    private static PublicKey spki(byte[] der) throws GeneralSecurityException {
        String oid = algorithmOid(Der.read(der).children().get(0));
        return KeyFactory.getInstance(keyAlgorithm(oid)).generatePublic(new X509EncodedKeySpec(der));
    }

    private static String algorithmOid(Der.Element algorithmIdentifier) {
        return HexFormat.of().formatHex(algorithmIdentifier.children().get(0).value());
    }

    private static String keyAlgorithm(String oid) {
        return switch (oid) {
            case OID_RSA -> "RSA";
            case OID_EC -> "EC";
            case OID_ED25519 -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported key algorithm OID " + oid);
        };
    }

    /** The {@code [0]} curve OID of a SEC1 key, as the parameters of a PKCS#8 algorithm identifier. */
    private static byte[] sec1Curve(byte[] sec1) {
        return Der.read(sec1).children().stream().filter(e -> e.tag() == 0xa0).findFirst()
                .map(Der.Element::value)
                .orElseThrow(() -> new IllegalArgumentException("EC PRIVATE KEY without curve parameters"));
    }

    /** The {@code [1]} public point of the SEC1 structure in a PKCS#8 key, when the writer included it. */
    private static Optional<PublicKey> embeddedEcPoint(byte[] sec1, ECPrivateKey priv) {
        try {
            Optional<Der.Element> tagged = Der.read(sec1).children().stream().filter(e -> e.tag() == 0xa1).findFirst();
            if (tagged.isEmpty()) {
                return Optional.empty();
            }
            byte[] bits = Der.read(tagged.get().value()).value();
            byte[] point = Arrays.copyOfRange(bits, 1, bits.length);
            int size = (point.length - 1) / 2;
            if (point[0] != 4) {
                return Optional.empty();
            }
            ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
                    new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
            return Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, priv.getParams())));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
