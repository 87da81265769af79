package io.peerdesk.sim.http;

import io.peerdesk.sim.api.Ec2Service;
import io.peerdesk.sim.api.XmlWriter;
import io.peerdesk.sim.cloud.Caller;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Records every call and answers with a fixed, valid DescribeRegions reply (or whatever it is told). */
final class StubEc2Service implements Ec2Service {

    record Call(Caller caller, String action, Map<String, String> params, String thread) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final String requestId = UUID.randomUUID().toString();
    private volatile Supplier<Ec2Reply> reply = () -> new Ec2Reply(200, describeRegions(requestId));

    @Override
    public Ec2Reply handle(Caller caller, String action, Map<String, String> params) {
        calls.add(new Call(caller, action, Map.copyOf(params), Thread.currentThread().getName()));
        return reply.get();
    }

    StubEc2Service answering(Supplier<Ec2Reply> reply) {
        this.reply = reply;
        return this;
    }

    Call onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected exactly one call, got " + calls);
        }
        return calls.get(0);
    }

    static String describeRegions(String requestId) {
        return new XmlWriter().openRoot("DescribeRegionsResponse")
                .element("requestId", requestId)
                .open("regionInfo").open("item")
                .element("regionName", "us-west-2").element("regionEndpoint", "ec2.us-west-2.amazonaws.com")
                .close("item").close("regionInfo")
                .close("DescribeRegionsResponse").toString();
    }
}
