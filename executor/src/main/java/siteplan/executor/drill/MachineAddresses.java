package siteplan.executor.drill;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the machines failed over so far answer: written as machines come up, read by the scripts of later steps. */
final class MachineAddresses {
    private final Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();

    synchronized void put(String machine, InetSocketAddress at) {
        addresses.put(machine, at);
    }

    synchronized Map<String, InetSocketAddress> snapshot() {
        return new LinkedHashMap<>(addresses);
    }
}
