package io.peerdesk.sim.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the strict-mode credentials file. YAML, or JSON when the name ends in {@code .json}:
 * <pre>
 * credentials:
 *   - accessKeyId: AKIAEXAMPLE1
 *     secretAccessKey: s3cr3t
 *     accountId: "111111111111"
 * </pre>
 * Every problem is an {@link IllegalArgumentException} naming the file and the entry, so a bad file
 * stops start-up with a message an operator can act on.
 */
final class CredentialsFile {

    /** The file's shape; validated into {@link AccessKey}s after reading. */
    record Document(List<Entry> credentials) {
    }

    record Entry(String accessKeyId, String secretAccessKey, String accountId) {
    }

    private CredentialsFile() {
    }

    static List<AccessKey> load(Path path) {
        if (path == null || !Files.isRegularFile(path)) {
            throw new IllegalArgumentException("credentials file not found: " + path);
        }
        boolean json = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = (json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Document document;
        try {
            document = mapper.readValue(path.toFile(), Document.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("credentials file " + path + " is not valid "
                    + (json ? "JSON" : "YAML") + " of the form 'credentials: [{accessKeyId, secretAccessKey, "
                    + "accountId}]': " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + path + ": " + e.getMessage(), e);
        }
        if (document == null || document.credentials() == null || document.credentials().isEmpty()) {
            throw new IllegalArgumentException("credentials file " + path + " lists no credentials");
        }
        List<AccessKey> keys = new ArrayList<>();
        for (int i = 0; i < document.credentials().size(); i++) {
            Entry entry = document.credentials().get(i);
            try {
                if (entry == null) {
                    throw new IllegalArgumentException("entry is empty");
                }
                AccessKey key = new AccessKey(entry.accessKeyId(), entry.secretAccessKey(), entry.accountId());
                if (keys.stream().anyMatch(k -> k.accessKeyId().equals(key.accessKeyId()))) {
                    throw new IllegalArgumentException("duplicate accessKeyId " + key.accessKeyId());
                }
                keys.add(key);
            } catch (IllegalArgumentException e) {
                // YAML reads an unquoted 000000000001 as the number 1, hence the hint.
                String hint = e.getMessage().startsWith("accountId") ? " (quote account ids in YAML)" : "";
                throw new IllegalArgumentException("credentials file " + path + ", credentials[" + i + "]: "
                        + e.getMessage() + hint, e);
            }
        }
        return keys;
    }
}
