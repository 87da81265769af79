package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

/** Parsing of request values into canonical blocks, with AWS's error for each malformed one. */
final class Cidrs {

    private Cidrs() {
    }

    static Cidr parse(String value, String parameter) {
        if (value == null || value.isEmpty()) {
            throw CloudException.missingParameter(parameter);
        }
        try {
            return Cidr.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw CloudException.invalidParameterValue("Value (" + value + ") for parameter " + parameter
                    + " is invalid. This is not a valid CIDR block.");
        }
    }

    static Cidr parseV4(String value, String parameter) {
        Cidr cidr = parse(value, parameter);
        if (cidr.v6()) {
            throw CloudException.invalidParameterValue("Value (" + value + ") for parameter " + parameter
                    + " is invalid. This is not a valid IPv4 CIDR block.");
        }
        return cidr;
    }

    static Cidr parseV6(String value, String parameter) {
        Cidr cidr = parse(value, parameter);
        if (!cidr.v6()) {
            throw CloudException.invalidParameterValue("Value (" + value + ") for parameter " + parameter
                    + " is invalid. This is not a valid IPv6 CIDR block.");
        }
        return cidr;
    }

    static IpAddress address(String value, String parameter) {
        if (value == null || value.isEmpty()) {
            throw CloudException.missingParameter(parameter);
        }
        try {
            return IpAddress.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw CloudException.invalidParameterValue("Value (" + value + ") for parameter " + parameter
                    + " is invalid. This is not a valid IP address.");
        }
    }
}
