package io.peerdesk.domain.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server for the tests (GreenMail on a free loopback port, one per test JVM) and the
 * portal's mail sender pointed at it, with a fault a test can inject per recipient: the next
 * {@code n} sends to an address fail before anything is transmitted, as when the server is down.
 */
public final class TestMail {

    public static final String FROM = "PeerDesk <peerdesk@peerdesk.test>";
    public static final String BASE_URL = "https://peerdesk.test";
    public static final GreenMail SERVER = start();

    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    private TestMail() {
    }

    /** {@code portal.mail.*} for a test context: a sender address, the portal's address, no schedule. */
    public static void properties(DynamicPropertyRegistry registry) {
        registry.add("portal.mail.from", () -> FROM);
        registry.add("portal.mail.base-url", () -> BASE_URL);
        registry.add("portal.mail.scheduled-send", () -> false);
    }

    /** What the server received for {@code address}. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    /** The next {@code times} sends to {@code address} fail. */
    public static void failFor(String address, int times) {
        FAILURES.put(address, new AtomicInteger(times));
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            Address[] all = m.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The portal's {@link JavaMailSender} (in place of Spring Boot's, which backs off) at the test server. */
    @TestConfiguration
    public static class Config {

        @Bean
        JavaMailSender mailSender() {
            JavaMailSenderImpl sender = new JavaMailSenderImpl() {
                @Override
                protected void doSend(MimeMessage[] messages, Object[] originals) {
                    for (MimeMessage m : messages) {
                        for (String to : recipients(m)) {
                            AtomicInteger left = FAILURES.get(to);
                            if (left != null && left.getAndDecrement() > 0) {
                                throw new MailSendException("Mail server connection failed: Connection refused");
                            }
                        }
                    }
                    super.doSend(messages, originals);
                }
            };
            sender.setHost("127.0.0.1");
            sender.setPort(SERVER.getSmtp().getPort());
            return sender;
        }
    }
}
