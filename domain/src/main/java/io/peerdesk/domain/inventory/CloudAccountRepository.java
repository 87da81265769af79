package io.peerdesk.domain.inventory;

import io.peerdesk.domain.support.RenderedQuery;
import io.peerdesk.domain.support.TenantId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.peerdesk.db.Tables.CLOUD_ACCOUNT;
import static io.peerdesk.db.Tables.VPC;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.selectCount;

@Repository
class CloudAccountRepository {

    private static final Field<Integer> VPC_COUNT = field(selectCount().from(VPC)
            .where(VPC.ACCOUNT_ID.eq(CLOUD_ACCOUNT.ID))).as("vpc_count");

    private final DSLContext db;
    /** Every cloud call of the workflow's steps looks up its account's credentials. */
    private final RenderedQuery syncTarget;

    CloudAccountRepository(DSLContext db) {
        this.db = db;
        this.syncTarget = new RenderedQuery(db, selectFrom(CLOUD_ACCOUNT)
                .where(CLOUD_ACCOUNT.TENANT_ID.eq(param("tenant", UUID.class)))
                .and(CLOUD_ACCOUNT.ID.eq(param("id", UUID.class))));
    }

    void insert(TenantId tenant, CloudAccountId id, NewCloudAccount account, List<String> regions, String secretCipher,
                String createdBy, Instant at) {
        db.insertInto(CLOUD_ACCOUNT)
                .set(CLOUD_ACCOUNT.ID, id.value()).set(CLOUD_ACCOUNT.TENANT_ID, tenant.value())
                .set(CLOUD_ACCOUNT.ACCOUNT_ID, account.accountId()).set(CLOUD_ACCOUNT.NAME, account.name().strip())
                .set(CLOUD_ACCOUNT.REGIONS, String.join(",", regions))
                .set(CLOUD_ACCOUNT.ACCESS_KEY_ID, account.accessKeyId()).set(CLOUD_ACCOUNT.SECRET_CIPHER, secretCipher)
                .set(CLOUD_ACCOUNT.CREATED_BY, createdBy).set(CLOUD_ACCOUNT.CREATED_AT, utc(at))
                .set(CLOUD_ACCOUNT.SYNC_STATUS, SyncStatus.NEVER.name())
                .execute();
    }

    boolean accountIdTaken(String accountId) {
        return db.fetchExists(CLOUD_ACCOUNT, CLOUD_ACCOUNT.ACCOUNT_ID.eq(accountId));
    }

    List<CloudAccount> findAll(TenantId tenant) {
        return db.select(CLOUD_ACCOUNT.fields()).select(VPC_COUNT).from(CLOUD_ACCOUNT)
                .where(CLOUD_ACCOUNT.TENANT_ID.eq(tenant.value()))
                .orderBy(CLOUD_ACCOUNT.NAME, CLOUD_ACCOUNT.ACCOUNT_ID)
                .fetch(CloudAccountRepository::toAccount);
    }

    Optional<CloudAccount> find(TenantId tenant, CloudAccountId id) {
        return db.select(CLOUD_ACCOUNT.fields()).select(VPC_COUNT).from(CLOUD_ACCOUNT)
                .where(CLOUD_ACCOUNT.TENANT_ID.eq(tenant.value())).and(CLOUD_ACCOUNT.ID.eq(id.value()))
                .fetchOptional(CloudAccountRepository::toAccount);
    }

    Optional<SyncTarget> findSyncTarget(TenantId tenant, CloudAccountId id) {
        return syncTarget.fetch(db, tenant.value(), id.value()).stream().findFirst().map(CloudAccountRepository::toTarget);
    }

    /** Every tenant's accounts whose last attempt is older than {@code before} (or that were never synced). */
    List<SyncTarget> findDueForSync(Instant before) {
        return db.selectFrom(CLOUD_ACCOUNT)
                .where(CLOUD_ACCOUNT.SYNC_ATTEMPT_AT.isNull().or(CLOUD_ACCOUNT.SYNC_ATTEMPT_AT.lt(utc(before))))
                .orderBy(CLOUD_ACCOUNT.SYNC_ATTEMPT_AT.asc().nullsFirst())
                .fetch(CloudAccountRepository::toTarget);
    }

    /**
     * Locks the account's row until the transaction ends, so two syncs of one account write one
     * after the other; empty when the account was removed meanwhile.
     */
    Optional<SyncState> lockForSync(CloudAccountId id) {
        return db.selectFrom(CLOUD_ACCOUNT).where(CLOUD_ACCOUNT.ID.eq(id.value())).forUpdate()
                .fetchOptional(CloudAccountRepository::toSyncState);
    }

    void recordSuccess(CloudAccountId id, Instant at) {
        db.update(CLOUD_ACCOUNT)
                .set(CLOUD_ACCOUNT.SYNC_STATUS, SyncStatus.SUCCEEDED.name())
                .set(CLOUD_ACCOUNT.SYNC_ATTEMPT_AT, utc(at)).set(CLOUD_ACCOUNT.SYNCED_AT, utc(at))
                .setNull(CLOUD_ACCOUNT.SYNC_ERROR_CODE).setNull(CLOUD_ACCOUNT.SYNC_ERROR)
                .where(CLOUD_ACCOUNT.ID.eq(id.value()))
                .execute();
    }

    void recordFailure(CloudAccountId id, Instant at, String code, String error) {
        db.update(CLOUD_ACCOUNT)
                .set(CLOUD_ACCOUNT.SYNC_STATUS, SyncStatus.FAILED.name())
                .set(CLOUD_ACCOUNT.SYNC_ATTEMPT_AT, utc(at))
                .set(CLOUD_ACCOUNT.SYNC_ERROR_CODE, truncate(code, 100))
                .set(CLOUD_ACCOUNT.SYNC_ERROR, truncate(error, 1000))
                .where(CLOUD_ACCOUNT.ID.eq(id.value()))
                .execute();
    }

    void updateCredentials(TenantId tenant, CloudAccountId id, String accessKeyId, String secretCipher) {
        db.update(CLOUD_ACCOUNT)
                .set(CLOUD_ACCOUNT.ACCESS_KEY_ID, accessKeyId).set(CLOUD_ACCOUNT.SECRET_CIPHER, secretCipher)
                .where(CLOUD_ACCOUNT.TENANT_ID.eq(tenant.value())).and(CLOUD_ACCOUNT.ID.eq(id.value()))
                .execute();
    }

    /** Removes the account; its inventory goes with it (foreign keys cascade). */
    boolean delete(TenantId tenant, CloudAccountId id) {
        return db.deleteFrom(CLOUD_ACCOUNT)
                .where(CLOUD_ACCOUNT.TENANT_ID.eq(tenant.value())).and(CLOUD_ACCOUNT.ID.eq(id.value()))
                .execute() == 1;
    }

    private static CloudAccount toAccount(Record r) {
        return new CloudAccount(new CloudAccountId(r.get(CLOUD_ACCOUNT.ID)), r.get(CLOUD_ACCOUNT.ACCOUNT_ID),
                r.get(CLOUD_ACCOUNT.NAME), regions(r.get(CLOUD_ACCOUNT.REGIONS)),
                CloudAccount.hint(r.get(CLOUD_ACCOUNT.ACCESS_KEY_ID)), r.get(CLOUD_ACCOUNT.CREATED_BY),
                r.get(CLOUD_ACCOUNT.CREATED_AT).toInstant(), toSyncState(r), r.get(VPC_COUNT));
    }

    private static SyncTarget toTarget(Record r) {
        return new SyncTarget(new CloudAccountId(r.get(CLOUD_ACCOUNT.ID)),
                new TenantId(r.get(CLOUD_ACCOUNT.TENANT_ID)), r.get(CLOUD_ACCOUNT.ACCOUNT_ID),
                regions(r.get(CLOUD_ACCOUNT.REGIONS)), r.get(CLOUD_ACCOUNT.ACCESS_KEY_ID),
                r.get(CLOUD_ACCOUNT.SECRET_CIPHER));
    }

    static SyncState toSyncState(Record r) {
        return new SyncState(SyncStatus.valueOf(r.get(CLOUD_ACCOUNT.SYNC_STATUS)), instant(r.get(CLOUD_ACCOUNT.SYNC_ATTEMPT_AT)),
                instant(r.get(CLOUD_ACCOUNT.SYNCED_AT)), r.get(CLOUD_ACCOUNT.SYNC_ERROR_CODE), r.get(CLOUD_ACCOUNT.SYNC_ERROR));
    }

    private static List<String> regions(String joined) {
        return Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).toList();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
