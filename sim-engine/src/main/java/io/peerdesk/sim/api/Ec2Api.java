package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.CloudException;
import io.peerdesk.sim.cloud.Regions;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The EC2 actions the simulator serves, by name, and how one request becomes an XML reply:
 * AWS's response root and namespace on success, AWS's error envelope with status 400 for a
 * refused request, 412 {@code DryRunOperation} for {@code DryRun=true}. It neither locks nor
 * journals: the caller ({@code Simulator}) does, based on {@link Action#mutating()}.
 */
public final class Ec2Api {

    private final Map<String, Action> actions = new HashMap<>();

    public Ec2Api() {
        for (List<Action> group : List.of(VpcActions.all(), RouteActions.all(), SecurityGroupActions.all(),
                NetworkAclActions.all(), PeeringActions.all(), TagActions.all(), RegionActions.all(),
                InsightsActions.all())) {
            group.forEach(this::register);
        }
    }

    public void register(Action action) {
        actions.put(action.name(), action);
    }

    /** The action of that name, or null when the service has no such action. */
    public Action find(String name) {
        return actions.get(name);
    }

    public static Ec2Service.Ec2Reply unknownAction(String name) {
        return error(new CloudException("InvalidAction", "The action " + name + " is not valid for this web service."));
    }

    /** Runs one action and renders its reply; never throws for a client error. */
    public Ec2Service.Ec2Reply run(Action action, Caller caller, Instant now, Map<String, String> rawParams, Cloud cloud) {
        try {
            if (!Regions.exists(caller.region())) {
                throw new CloudException("OptInRequired", "The region '" + caller.region()
                        + "' is not available in this cloud. Available regions: " + String.join(", ", Regions.names()));
            }
            Params params = new Params(rawParams);
            if (params.flag("DryRun")) {
                throw new CloudException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
            }
            XmlWriter out = new XmlWriter().openRoot(action.name() + "Response");
            out.element("requestId", UUID.randomUUID());
            action.handler().handle(new Request(caller, now, params, cloud), out);
            return new Ec2Service.Ec2Reply(200, out.close(action.name() + "Response").toString());
        } catch (CloudException e) {
            return error(e);
        }
    }

    static Ec2Service.Ec2Reply error(CloudException e) {
        return new Ec2Service.Ec2Reply(e.httpStatus(), XmlWriter.error(e.code(), e.getMessage(), UUID.randomUUID().toString()));
    }
}
