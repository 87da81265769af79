package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Regions;

import java.util.ArrayList;
import java.util.List;

/** DescribeRegions and DescribeAvailabilityZones. */
final class RegionActions {

    private record RegionRow(String name, long order) {
    }

    private static final ResourceQuery<RegionRow> REGIONS = new ResourceQuery<RegionRow>(RegionRow::name,
            RegionRow::order, r -> java.util.Map.of())
            .filter("region-name", RegionRow::name)
            .filter("endpoint", r -> Regions.endpoint(r.name()))
            .filter("opt-in-status", r -> "opt-in-not-required");

    private static final ResourceQuery<Regions.Zone> ZONES = new ResourceQuery<Regions.Zone>(Regions.Zone::name,
            z -> 0, z -> java.util.Map.of())
            .filter("zone-name", Regions.Zone::name)
            .filter("zone-id", Regions.Zone::zoneId)
            .filter("region-name", Regions.Zone::region)
            .filter("state", z -> "available")
            .filter("zone-type", z -> "availability-zone");

    private static final String[] NOT_PAGED = {"MaxResults", "NextToken"};

    private RegionActions() {
    }

    static List<Action> all() {
        return List.of(
                new Action("DescribeRegions", false, (r, out) -> {
                    List<RegionRow> rows = new ArrayList<>();
                    long i = 0;
                    for (String name : Regions.names()) {
                        rows.add(new RegionRow(name, i++));
                    }
                    // neither call pages on AWS: MaxResults and NextToken must not cut the list short
                    var page = REGIONS.run(rows, r.params().list("RegionName"), r.params().without(NOT_PAGED),
                            Render.notFound("InvalidParameterValue", "Invalid region: %s"));
                    Render.items(out, "regionInfo", page.items(), (o, row) -> o.element("regionName", row.name())
                            .element("regionEndpoint", Regions.endpoint(row.name()))
                            .element("optInStatus", "opt-in-not-required"));
                }),
                new Action("DescribeAvailabilityZones", false, (r, out) -> {
                    List<String> names = new ArrayList<>(r.params().list("ZoneName"));
                    names.addAll(r.params().list("ZoneId"));
                    var zones = Regions.zones(r.caller().region());
                    List<Regions.Zone> selected = names.isEmpty() ? zones
                            : zones.stream().filter(z -> names.contains(z.name()) || names.contains(z.zoneId())).toList();
                    if (selected.size() < names.size()) {
                        throw io.peerdesk.sim.cloud.CloudException.invalidParameterValue(
                                "Invalid availability zone: " + names);
                    }
                    var page = ZONES.run(selected, List.of(), r.params().without(NOT_PAGED), id -> null);
                    Render.items(out, "availabilityZoneInfo", page.items(), (o, z) -> o.element("zoneName", z.name())
                            .element("zoneState", "available")
                            .element("regionName", z.region())
                            .element("zoneId", z.zoneId())
                            .element("zoneType", "availability-zone")
                            .element("optInStatus", "opt-in-not-required")
                            .empty("messageSet"));
                }));
    }
}
