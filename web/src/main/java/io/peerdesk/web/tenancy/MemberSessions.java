package io.peerdesk.web.tenancy;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a member's open sessions once an admin has changed what the member may do. A session holds
 * the roles its sign-in brought; without this, a disabled member would keep working and new roles
 * would wait for the next sign-in. The member signs in again and gets the roles that apply now.
 */
@Component
class MemberSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    MemberSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    void end(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }
}
