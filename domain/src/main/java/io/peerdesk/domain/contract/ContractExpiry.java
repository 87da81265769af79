package io.peerdesk.domain.contract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks contracts past their last valid day as expired, with an audit event both parties see.
 * Reads already show them as expired; this makes it stick and tells both sides when it happened.
 * Runs wherever scheduling is enabled (the portal), on every node: each contract flips once.
 */
@Component
class ContractExpiry {

    private static final Logger log = LoggerFactory.getLogger(ContractExpiry.class);

    private final Contracts contracts;

    ContractExpiry(Contracts contracts) {
        this.contracts = contracts;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${portal.contracts.expiry-check:PT1H}")
    void expireDue() {
        int expired = contracts.expireDue();
        if (expired > 0) {
            log.info("{} partner contract(s) expired", expired);
        }
    }
}
