package io.peerdesk.web.support.security;

import com.nimbusds.jose.jwk.RSAKey;
import io.peerdesk.domain.support.SecretCipher;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import static io.peerdesk.db.Tables.SIGNING_KEY;

/**
 * The identity provider's RSA signing key, kept in the database (private half encrypted with the
 * portal's secret key), so tokens issued before a restart still verify after it, and every portal
 * node behind a load balancer signs with the same key.
 */
@Repository
class SigningKeys {

    private final DSLContext db;
    private final SecretCipher cipher;
    private final Clock clock;

    SigningKeys(DSLContext db, SecretCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    RSAKey current() {
        var stored = db.selectFrom(SIGNING_KEY).orderBy(SIGNING_KEY.CREATED_AT.desc()).limit(1).fetchOptional();
        if (stored.isPresent()) {
            var row = stored.get();
            return rsaKey(row.getKid(), decode(row.getPublicKey()), cipher.decrypt(row.getPrivateKeyCipher()));
        }
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        String privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        db.insertInto(SIGNING_KEY)
                .set(SIGNING_KEY.KID, kid)
                .set(SIGNING_KEY.PRIVATE_KEY_CIPHER, cipher.encrypt(privateKey))
                .set(SIGNING_KEY.PUBLIC_KEY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                .set(SIGNING_KEY.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .execute();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).keyID(kid).build();
    }

    private static RSAKey rsaKey(String kid, byte[] publicKey, String privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey));
            var priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(decode(privateKey)));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
