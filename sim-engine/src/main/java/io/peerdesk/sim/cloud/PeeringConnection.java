package io.peerdesk.sim.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A VPC peering connection ({@code pcx-…}) and its AWS life cycle. Only the decisions are stored
 * (created, accepted, rejected, deleted, failed); time-driven states — expiry after 7 days, the
 * end of provisioning or of an inter-Region deletion, and how long an ended connection stays
 * visible — are derived from the clock, so a reader at instant t always sees the state at t.
 */
public final class PeeringConnection extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = -1849026934108704076L;

    /** One end of the connection. */
    public record Side(String vpcId, String ownerId, String region) implements java.io.Serializable {
    }

    static final Duration EXPIRY = Duration.ofDays(7);
    static final Duration SHORT_VISIBILITY = Duration.ofHours(2);
    static final Duration LONG_VISIBILITY = Duration.ofDays(2);

    private final Side requester;
    private final Side accepter;
    private final Instant createdAt;
    private final Instant expiresAt;
    PeeringState decided;
    Instant decidedAt;
    /** End of provisioning (after accept) or of deleting (inter-Region delete). */
    Instant transitionEndsAt;
    String actorAccountId;
    String failureMessage;
    PeeringOptions requesterOptions = PeeringOptions.NONE;
    PeeringOptions accepterOptions = PeeringOptions.NONE;
    private final Map<String, Tags> tagsByAccount = new HashMap<>();

    PeeringConnection(String id, long sequence, Side requester, Side accepter, Instant createdAt) {
        super(id, requester.ownerId(), requester.region(), sequence);
        this.requester = requester;
        this.accepter = accepter;
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(EXPIRY);
        this.decided = PeeringState.PENDING_ACCEPTANCE;
        this.decidedAt = createdAt;
    }

    public Side requester() {
        return requester;
    }

    public Side accepter() {
        return accepter;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isInterRegion() {
        return !requester.region().equals(accepter.region());
    }

    public boolean isCrossAccount() {
        return !requester.ownerId().equals(accepter.ownerId());
    }

    public PeeringOptions requesterOptions() {
        return requesterOptions;
    }

    public PeeringOptions accepterOptions() {
        return accepterOptions;
    }

    public boolean joins(String vpcA, String vpcB) {
        return (requester.vpcId().equals(vpcA) && accepter.vpcId().equals(vpcB))
                || (requester.vpcId().equals(vpcB) && accepter.vpcId().equals(vpcA));
    }

    public boolean involves(String vpcId) {
        return requester.vpcId().equals(vpcId) || accepter.vpcId().equals(vpcId);
    }

    /** The other end, seen from {@code vpcId}. */
    public Side peerOf(String vpcId) {
        return requester.vpcId().equals(vpcId) ? accepter : requester;
    }

    /** The state at {@code now}. */
    public PeeringState stateAt(Instant now) {
        return switch (decided) {
            case PENDING_ACCEPTANCE -> now.isBefore(expiresAt) ? PeeringState.PENDING_ACCEPTANCE : PeeringState.EXPIRED;
            case PROVISIONING -> now.isBefore(transitionEndsAt) ? PeeringState.PROVISIONING : PeeringState.ACTIVE;
            case DELETING -> now.isBefore(transitionEndsAt) ? PeeringState.DELETING : PeeringState.DELETED;
            default -> decided;
        };
    }

    /** When the current state began (for expiry: the expiration time). */
    public Instant stateSince(Instant now) {
        PeeringState state = stateAt(now);
        if (state == PeeringState.EXPIRED) {
            return expiresAt;
        }
        if ((state == PeeringState.ACTIVE && decided == PeeringState.PROVISIONING)
                || (state == PeeringState.DELETED && decided == PeeringState.DELETING)) {
            return transitionEndsAt;
        }
        return decidedAt;
    }

    /** AWS keeps ended connections visible for a while, and for how long depends on who looks. */
    public boolean visibleTo(Caller caller, Instant now) {
        boolean asRequester = requester.ownerId().equals(caller.accountId()) && requester.region().equals(caller.region());
        boolean asAccepter = accepter.ownerId().equals(caller.accountId()) && accepter.region().equals(caller.region());
        if (!asRequester && !asAccepter) {
            return false;
        }
        PeeringState state = stateAt(now);
        Duration window = switch (state) {
            case FAILED -> asRequester ? SHORT_VISIBILITY : Duration.ZERO;
            case EXPIRED -> LONG_VISIBILITY;
            case REJECTED -> isCrossAccount() && asRequester ? LONG_VISIBILITY : SHORT_VISIBILITY;
            case DELETED -> !isCrossAccount() || caller.accountId().equals(actorAccountId)
                    ? SHORT_VISIBILITY : LONG_VISIBILITY;
            default -> null;
        };
        return window == null || now.isBefore(stateSince(now).plus(window));
    }

    /** AWS's status message for the state. */
    public String statusMessage(Instant now) {
        return switch (stateAt(now)) {
            case INITIATING_REQUEST -> "Initiating Request to " + accepter.ownerId();
            case PENDING_ACCEPTANCE -> "Pending Acceptance by " + accepter.ownerId();
            case PROVISIONING -> "Provisioning";
            case ACTIVE -> "Active";
            case FAILED -> failureMessage;
            case REJECTED -> "Rejected by " + actorAccountId;
            case EXPIRED -> "Expired";
            case DELETING -> "Deleting";
            case DELETED -> "Deleted by " + actorAccountId;
        };
    }

    /** Tags apply only in the account and region that created them. */
    public Tags tagsOf(Caller caller) {
        return tagsByAccount.computeIfAbsent(tagKey(caller.accountId(), caller.region()), k -> new Tags());
    }

    /** The tags an account sees from its own side (the requester's side when it owns both ends). */
    public Tags tagsOf(String accountId) {
        return tagsByAccount.computeIfAbsent(tagKey(accountId, regionOf(accountId)), k -> new Tags());
    }

    /**
     * The tags {@code caller} sees, read-only. Unlike {@link #tagsOf} it never adds an entry,
     * so Describe calls (concurrent readers) do not write.
     */
    public Map<String, String> tagsSeenBy(Caller caller) {
        Tags tags = tagsByAccount.get(tagKey(caller.accountId(), caller.region()));
        return tags == null ? Map.of() : tags.asMap();
    }

    /** As {@link #tagsSeenBy(Caller)}, from the account's own side (the requester's when it owns both). */
    public Map<String, String> tagsSeenBy(String accountId) {
        Tags tags = tagsByAccount.get(tagKey(accountId, regionOf(accountId)));
        return tags == null ? Map.of() : tags.asMap();
    }

    private String regionOf(String accountId) {
        return (requester.ownerId().equals(accountId) ? requester : accepter).region();
    }

    private static String tagKey(String accountId, String region) {
        return accountId + "/" + region;
    }

    @Override
    public Tags tags() {
        return tagsOf(ownerId());
    }
}
