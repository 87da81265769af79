package io.peerdesk.web.peering;

import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.peering.NewPeeringRequest;
import io.peerdesk.domain.peering.PeeringSide;
import io.peerdesk.domain.peering.PeeringSuggestion;
import io.peerdesk.domain.peering.PlannedRoute;
import io.peerdesk.domain.peering.PlannedRule;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The request form: own VPC, contract and partner VPC, then the routes (suggested for the pair,
 * each one kept or dropped) and the ports; {@code idempotencyKey} is made when the form is first
 * rendered, so submitting it twice files one request. {@code pair} remembers which pair the routes
 * were suggested for, so choosing another VPC suggests anew.
 */
public class PeeringForm {

    private String idempotencyKey = UUID.randomUUID().toString();
    private String requesterVpc;
    private String contract;
    private String accepterVpc;
    private String pair;
    private List<RouteLine> routes = new ArrayList<>();
    private List<RuleLine> rules = new ArrayList<>();

    public static class RouteLine {
        private boolean include = true;
        private PeeringSide side;
        private String routeTableId;
        private String destinationCidr;

        public boolean isInclude() { return include; }
        public void setInclude(boolean include) { this.include = include; }
        public PeeringSide getSide() { return side; }
        public void setSide(PeeringSide side) { this.side = side; }
        public String getRouteTableId() { return routeTableId; }
        public void setRouteTableId(String routeTableId) { this.routeTableId = routeTableId; }
        public String getDestinationCidr() { return destinationCidr; }
        public void setDestinationCidr(String destinationCidr) { this.destinationCidr = destinationCidr; }
    }

    public static class RuleLine {
        private PeeringSide side;
        private String securityGroupId;
        private String protocol = "tcp";
        private Integer fromPort;
        private Integer toPort;
        private String sourceCidr;

        public PeeringSide getSide() { return side; }
        public void setSide(PeeringSide side) { this.side = side; }
        public String getSecurityGroupId() { return securityGroupId; }
        public void setSecurityGroupId(String securityGroupId) { this.securityGroupId = securityGroupId; }
        public String getProtocol() { return protocol; }
        public void setProtocol(String protocol) { this.protocol = protocol; }
        public Integer getFromPort() { return fromPort; }
        public void setFromPort(Integer fromPort) { this.fromPort = fromPort; }
        public Integer getToPort() { return toPort; }
        public void setToPort(Integer toPort) { this.toPort = toPort; }
        public String getSourceCidr() { return sourceCidr; }
        public void setSourceCidr(String sourceCidr) { this.sourceCidr = sourceCidr; }

        boolean blank() {
            return securityGroupId == null || securityGroupId.isBlank();
        }
    }

    /** Whether both VPCs are chosen and the routes were suggested for another pair (or none yet). */
    boolean needsSuggestion() {
        return hasPair() && !currentPair().equals(pair);
    }

    boolean hasPair() {
        return present(requesterVpc) && present(accepterVpc);
    }

    /** Replaces the routes by the suggestion's and offers one empty port line per side. */
    void suggest(PeeringSuggestion suggestion) {
        routes = new ArrayList<>();
        for (PlannedRoute route : suggestion.routes()) {
            RouteLine line = new RouteLine();
            line.setSide(route.side());
            line.setRouteTableId(route.routeTableId());
            line.setDestinationCidr(route.destinationCidr());
            routes.add(line);
        }
        rules = new ArrayList<>();
        for (PeeringSide side : PeeringSide.values()) {
            RuleLine line = new RuleLine();
            line.setSide(side);
            rules.add(line);
        }
        pair = currentPair();
    }

    /** Adds an empty route line on each side (for routes the suggestion did not offer). */
    void addRoute() {
        for (PeeringSide side : PeeringSide.values()) {
            RouteLine line = new RouteLine();
            line.setSide(side);
            routes.add(line);
        }
    }

    NewPeeringRequest toRequest() {
        List<PlannedRoute> planned = routes.stream().filter(RouteLine::isInclude)
                .map(r -> new PlannedRoute(r.getSide(), r.getRouteTableId(), r.getDestinationCidr())).toList();
        List<PlannedRule> plannedRules = rules.stream().filter(r -> !r.blank())
                .map(r -> new PlannedRule(r.getSide(), r.getSecurityGroupId(), r.getProtocol(), r.getFromPort(),
                        r.getToPort() == null ? r.getFromPort() : r.getToPort(), r.getSourceCidr())).toList();
        return new NewPeeringRequest(present(contract) ? ContractId.parse(contract) : null,
                present(requesterVpc) ? VpcId.parse(requesterVpc) : null,
                present(accepterVpc) ? VpcId.parse(accepterVpc) : null, planned, plannedRules);
    }

    private String currentPair() {
        return requesterVpc + ":" + accepterVpc;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getRequesterVpc() { return requesterVpc; }
    public void setRequesterVpc(String requesterVpc) { this.requesterVpc = requesterVpc; }
    public String getContract() { return contract; }
    public void setContract(String contract) { this.contract = contract; }
    public String getAccepterVpc() { return accepterVpc; }
    public void setAccepterVpc(String accepterVpc) { this.accepterVpc = accepterVpc; }
    public String getPair() { return pair; }
    public void setPair(String pair) { this.pair = pair; }
    public List<RouteLine> getRoutes() { return routes; }
    public void setRoutes(List<RouteLine> routes) { this.routes = routes; }
    public List<RuleLine> getRules() { return rules; }
    public void setRules(List<RuleLine> rules) { this.rules = rules; }
}
