package io.peerdesk.domain.inventory;

import java.util.List;

/**
 * The AWS regions an account may be registered for. A fixed list, so registering works while the
 * cloud is unreachable; a region the configured endpoint does not offer fails the sync with the
 * cloud's own message.
 */
public final class Regions {

    private static final List<String> KNOWN = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2",
            "eu-north-1", "eu-south-1", "eu-south-2",
            "af-south-1", "il-central-1", "me-south-1", "me-central-1",
            "ap-south-1", "ap-south-2", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-7");

    private Regions() {
    }

    public static List<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String region) {
        return KNOWN.contains(region);
    }
}
