package io.peerdesk.domain.contact;

import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.Validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a contact's details and returns them tidied: blanks become absent, a phone number is
 * kept in E.164 form ({@code +4930123456}). Every problem is reported at once, per field; a
 * missing channel is reported under {@code channels}.
 */
final class ContactChannels {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE_DECORATION = Pattern.compile("[\\s().-]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Validation validation;

    ContactChannels(Validation validation) {
        this.validation = validation;
    }

    ContactDetails check(ContactDetails given) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            validation.check(given);
        } catch (InvalidInput e) {
            errors.putAll(e.fieldErrors());
        }
        String email = blankToNull(given.email());
        String phone = blankToNull(given.phone());
        String chatUrl = blankToNull(given.chatUrl());
        if (email == null && phone == null && chatUrl == null) {
            errors.putIfAbsent("channels", "give at least one way to reach them: e-mail, phone or chat/webhook URL");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.putIfAbsent("email", "not an e-mail address such as noc@example.com");
        }
        if (phone != null) {
            phone = PHONE_DECORATION.matcher(phone).replaceAll("");
            if (!E164.matcher(phone).matches()) {
                errors.putIfAbsent("phone", "an international number: + and country code, then 6 to 14 digits, e.g. +49 30 1234567");
            }
        }
        if (chatUrl != null) {
            String problem = urlProblem(chatUrl);
            if (problem != null) {
                errors.putIfAbsent("chatUrl", problem);
            }
        }
        String zone = blankToNull(given.timeZone());
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.putIfAbsent("timeZone", "not a known time zone; use an IANA name such as Europe/Berlin or America/New_York");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ContactDetails(given.name().strip(), given.kind(), given.role(), given.tier(), email, phone, chatUrl,
                zone, given.visibility(), blankToNull(given.notes()));
    }

    private static String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL such as https://chat.example.com/hooks/noc";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "not a web URL such as https://chat.example.com/hooks/noc";
        }
        if (scheme.equals("http") && !LOCAL_HOSTS.contains(host)) {
            return "use https (plain http only for localhost)";
        }
        if (uri.getUserInfo() != null) {
            return "leave user names and passwords out of the URL";
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
