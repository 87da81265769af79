package io.peerdesk.domain.peering;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static io.peerdesk.db.Tables.PEERING_CLOUD_WAIT;

/** The steps waiting for the cloud: at most one row per request. */
@Repository
class CloudWaitRepository {

    private final DSLContext db;

    CloudWaitRepository(DSLContext db) {
        this.db = db;
    }

    Optional<CloudWait> find(PeeringRequestId id) {
        return db.selectFrom(PEERING_CLOUD_WAIT)
                .where(PEERING_CLOUD_WAIT.REQUEST_ID.eq(id.value()))
                .fetchOptional(w -> new CloudWait(w.getStep(), w.getSince().toInstant(), w.getAttempts(), w.getLastError(),
                        w.getNextAttemptAt().toInstant()));
    }

    void save(PeeringRequestId id, CloudWait wait) {
        int updated = db.update(PEERING_CLOUD_WAIT)
                .set(PEERING_CLOUD_WAIT.STEP, wait.step())
                .set(PEERING_CLOUD_WAIT.SINCE, at(wait.since()))
                .set(PEERING_CLOUD_WAIT.ATTEMPTS, wait.attempts())
                .set(PEERING_CLOUD_WAIT.LAST_ERROR, wait.lastError())
                .set(PEERING_CLOUD_WAIT.NEXT_ATTEMPT_AT, at(wait.nextAttemptAt()))
                .where(PEERING_CLOUD_WAIT.REQUEST_ID.eq(id.value()))
                .execute();
        if (updated == 0) {
            db.insertInto(PEERING_CLOUD_WAIT)
                    .set(PEERING_CLOUD_WAIT.REQUEST_ID, id.value())
                    .set(PEERING_CLOUD_WAIT.STEP, wait.step())
                    .set(PEERING_CLOUD_WAIT.SINCE, at(wait.since()))
                    .set(PEERING_CLOUD_WAIT.ATTEMPTS, wait.attempts())
                    .set(PEERING_CLOUD_WAIT.LAST_ERROR, wait.lastError())
                    .set(PEERING_CLOUD_WAIT.NEXT_ATTEMPT_AT, at(wait.nextAttemptAt()))
                    .execute();
        }
    }

    void delete(PeeringRequestId id) {
        db.deleteFrom(PEERING_CLOUD_WAIT).where(PEERING_CLOUD_WAIT.REQUEST_ID.eq(id.value())).execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
