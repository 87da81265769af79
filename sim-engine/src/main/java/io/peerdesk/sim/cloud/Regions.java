package io.peerdesk.sim.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The regions the simulated cloud offers, with their availability zones and zone ids. */
public final class Regions {

    /** A zone as DescribeAvailabilityZones shows it. */
    public record Zone(String name, String zoneId, String region) {
    }

    private static final Map<String, List<Zone>> ZONES = new LinkedHashMap<>();

    static {
        add("us-east-1", "use1", "abcdef");
        add("us-east-2", "use2", "abc");
        add("us-west-1", "usw1", "ac");
        add("us-west-2", "usw2", "abcd");
        add("ca-central-1", "cac1", "abd");
        add("eu-west-1", "euw1", "abc");
        add("eu-west-2", "euw2", "abc");
        add("eu-central-1", "euc1", "abc");
        add("eu-north-1", "eun1", "abc");
        add("ap-northeast-1", "apne1", "acd");
        add("ap-southeast-1", "apse1", "abc");
        add("ap-southeast-2", "apse2", "abc");
        add("ap-south-1", "aps1", "abc");
        add("sa-east-1", "sae1", "abc");
    }

    private Regions() {
    }

    private static void add(String region, String shortName, String letters) {
        List<Zone> zones = new java.util.ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            zones.add(new Zone(region + letters.charAt(i), shortName + "-az" + (i + 1), region));
        }
        ZONES.put(region, List.copyOf(zones));
    }

    public static Set<String> names() {
        return ZONES.keySet();
    }

    public static boolean exists(String region) {
        return ZONES.containsKey(region);
    }

    public static List<Zone> zones(String region) {
        return ZONES.getOrDefault(region, List.of());
    }

    public static String endpoint(String region) {
        return "ec2." + region + ".amazonaws.com";
    }
}
