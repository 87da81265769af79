package io.peerdesk.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The PeerDesk portal: pages, REST API, identity provider, and (by default) the simulated cloud in-process. */
@SpringBootApplication(scanBasePackages = {"io.peerdesk.web", "io.peerdesk.domain"})
@ConfigurationPropertiesScan({"io.peerdesk.web", "io.peerdesk.domain"})
@EnableScheduling
public class PeerDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerDeskApplication.class, args);
    }
}
