package io.peerdesk.domain.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** When the portal counts as able to send e-mail: a mail server with a host, and a sender address. */
class MailConfigurationTests {

    @Test
    void aMailServerWithoutAHostIsNoMailServer() {
        assertThat(delivery(sender(""), "PeerDesk <peerdesk@example.com>").configured())
                .as("SPRING_MAIL_HOST set but empty").isFalse();
        assertThat(delivery(null, "PeerDesk <peerdesk@example.com>").configured()).isFalse();
        assertThat(delivery(sender("smtp.example.com"), " ").configured()).as("no sender address").isFalse();
        assertThat(delivery(sender("smtp.example.com"), "PeerDesk <peerdesk@example.com>").configured()).isTrue();
        assertThat(delivery(sender(""), "PeerDesk <peerdesk@example.com>").sendDue()).as("sends nothing").isZero();
    }

    private static JavaMailSender sender(String host) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        return sender;
    }

    private static MailDelivery delivery(JavaMailSender sender, String from) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        MailProperties properties = new MailProperties(from, "https://portal.example", Duration.ofSeconds(30), 5,
                Duration.ofMinutes(1), Duration.ofMinutes(10), 20, false);
        // no outbox and no transactions: an unconfigured delivery touches neither
        return new MailDelivery(null, beans.getBeanProvider(JavaMailSender.class), properties, null, Clock.systemUTC());
    }
}
