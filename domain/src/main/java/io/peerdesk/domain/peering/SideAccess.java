package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.cloud.VpcPart;
import io.peerdesk.domain.inventory.CloudAccounts;
import io.peerdesk.domain.support.NotFound;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** What the steps need to act on one side: its account's credentials, and its VPC as the cloud reports it now. */
@Component
class SideAccess {

    private final CloudAccounts accounts;
    private final CloudNetwork cloud;

    SideAccess(CloudAccounts accounts, CloudNetwork cloud) {
        this.accounts = accounts;
        this.cloud = cloud;
    }

    CloudCredentials credentials(StoredRequest r, PeeringSide side) {
        StoredRequest.Party party = r.party(side);
        try {
            return accounts.credentials(party.tenant(), party.account());
        } catch (NotFound e) {
            throw new PeeringStepFailed("AccountRemoved", "The " + side.label() + "'s cloud account "
                    + party.end().accountNumber() + " is no longer registered in the portal: the portal cannot act there.");
        }
    }

    /**
     * Access to both sides of {@code r} for one step: each side's credentials are looked up and
     * decrypted once, on first use, however many cloud calls the step makes there.
     */
    Sides of(StoredRequest r) {
        return new Sides(r);
    }

    final class Sides {

        private final StoredRequest request;
        private final Map<PeeringSide, CloudCredentials> credentials = new EnumMap<>(PeeringSide.class);

        private Sides(StoredRequest request) {
            this.request = request;
        }

        CloudCredentials credentials(PeeringSide side) {
            return credentials.computeIfAbsent(side, s -> SideAccess.this.credentials(request, s));
        }

        /** The side's VPC now, with the {@code parts} the caller looks at; a VPC the cloud no longer reports is a step failure. */
        Vpc vpc(PeeringSide side, Set<VpcPart> parts) {
            PeeringEnd end = request.party(side).end();
            CloudCredentials credentials = credentials(side);
            return CloudStep.call("reading " + end.vpcLabel() + " (" + side.label() + ")",
                            () -> cloud.describeVpc(credentials, end.region(), end.cloudVpcId(), parts))
                    .orElseThrow(() -> new PeeringStepFailed("InvalidVpcID.NotFound", "The " + side.label() + "'s VPC "
                            + end.cloudVpcId() + " (" + end.vpcLabel() + ") no longer exists in account "
                            + end.accountNumber() + "."));
        }
    }
}
