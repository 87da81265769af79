package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.NetworkAcl;
import io.peerdesk.sim.cloud.NetworkAclEntry;
import io.peerdesk.sim.cloud.Protocol;
import io.peerdesk.sim.net.IpAddress;
import io.peerdesk.sim.net.PortRange;

import java.util.ArrayList;
import java.util.List;

/**
 * One direction of a network ACL applied to traffic to or from {@code peer} on a range of ports.
 * Rules are walked in number order keeping the ports still undecided: an allow decides the ports it
 * covers, a deny that covers any undecided port refuses the traffic. For one port this is AWS's
 * "first match wins"; for the reply's ephemeral range it says which rule stops which ports.
 */
final class AclCheck {

    /** Allowed (with the first rule that allowed any port), or refused by {@code rule} on {@code denied}. */
    record Verdict(boolean allowed, NetworkAclEntry rule, List<PortRange> denied) {
    }

    private AclCheck() {
    }

    static Verdict evaluate(NetworkAcl acl, boolean egress, IpAddress peer, String protocolNumber, int from, int to) {
        int[] lo = {from};
        int[] hi = {to};
        int n = 1;
        NetworkAclEntry firstAllow = null;
        for (NetworkAclEntry e : acl.entries()) {
            if (e.egress() != egress || !matches(e, peer, protocolNumber)) {
                continue;
            }
            PortRange covered = e.portRange();
            int rf = covered == null ? 0 : covered.from();
            int rt = covered == null ? 65535 : covered.to();
            if (!e.allow()) {
                List<PortRange> denied = overlap(lo, hi, n, rf, rt);
                if (denied != null) {
                    return new Verdict(false, e, denied);
                }
                continue;
            }
            int[] newLo = new int[n + 1];
            int[] newHi = new int[n + 1];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (hi[i] < rf || lo[i] > rt) {
                    newLo[m] = lo[i];
                    newHi[m++] = hi[i];
                    continue;
                }
                if (lo[i] < rf) {
                    newLo[m] = lo[i];
                    newHi[m++] = rf - 1;
                }
                if (hi[i] > rt) {
                    newLo[m] = rt + 1;
                    newHi[m++] = hi[i];
                }
            }
            if (m == n && sameAs(lo, hi, newLo, newHi, n)) {
                continue;
            }
            if (firstAllow == null) {
                firstAllow = e;
            }
            if (m == 0) {
                return new Verdict(true, firstAllow, List.of());
            }
            lo = newLo;
            hi = newHi;
            n = m;
        }
        return new Verdict(false, null, overlap(lo, hi, n, 0, 65535));
    }

    private static boolean matches(NetworkAclEntry e, IpAddress peer, String protocolNumber) {
        String p = e.protocol();
        return (p.equals(Protocol.ALL) || p.equals(protocolNumber)) && Nets.contains(e.cidr(), peer);
    }

    private static List<PortRange> overlap(int[] lo, int[] hi, int n, int rf, int rt) {
        List<PortRange> out = null;
        for (int i = 0; i < n; i++) {
            int a = Math.max(lo[i], rf);
            int b = Math.min(hi[i], rt);
            if (a <= b) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(new PortRange(a, b));
            }
        }
        return out;
    }

    private static boolean sameAs(int[] lo, int[] hi, int[] newLo, int[] newHi, int n) {
        for (int i = 0; i < n; i++) {
            if (lo[i] != newLo[i] || hi[i] != newHi[i]) {
                return false;
            }
        }
        return true;
    }
}
