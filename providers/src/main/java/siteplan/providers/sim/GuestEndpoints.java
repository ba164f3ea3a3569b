package siteplan.providers.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-over machines of the simulated estate as something a smoke check or a script can really
 * reach: each machine gets its own loopback address (127.1.x.y; Linux routes all of 127/8 to the
 * loopback device) and a listener on each port asked for, which accepts TCP connections and answers
 * HTTP requests with a status. Where a loopback alias cannot be bound, an ephemeral port on 127.0.0.1
 * stands in. Everything is closed when the drill or failover that opened it ends.
 */
final class GuestEndpoints implements AutoCloseable {
    private final Map<String, InetSocketAddress> open = new ConcurrentHashMap<>();
    private final List<ServerSocket> sockets = new ArrayList<>();
    /** Slow ports not answering yet: how many more asks find them closed. */
    private final Map<String, Integer> slowLeft = new java.util.HashMap<>();

    /**
     * The machine's address and a listener on the port (unless the port is faulted closed). A slow port ({@code slow} > 0)
     * finds nothing listening for that many asks after the first (the first is the machine coming up; each later one is a
     * check's try), then answers: a service that takes a while to start.
     */
    synchronized InetSocketAddress endpoint(int machineIndex, String machine, int port, boolean closed, int httpStatus, int slow) {
        String key = machine + ":" + port;
        InetSocketAddress known = open.get(key);
        if (known != null) {
            Integer left = slowLeft.get(key);
            if (left == null) return known;
            if (left > 0) {
                slowLeft.put(key, left - 1);
                return known;
            }
            slowLeft.remove(key);
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(known);
                listen(s, key, httpStatus);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot open a simulated endpoint for " + key, e);
            }
            return known;
        }
        InetAddress ip = address(machineIndex);
        ServerSocket s = null;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(ip, port));
            } catch (IOException aliasOrPortTaken) {
                s.close();
                s = new ServerSocket();
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            InetSocketAddress where = new InetSocketAddress(s.getInetAddress(), s.getLocalPort());
            if (closed || slow > 0) {
                s.close(); // a port nothing answers on (yet): the check must fail
                if (!closed) slowLeft.put(key, slow);
            } else {
                listen(s, key, httpStatus);
            }
            open.put(key, where);
            return where;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open a simulated endpoint for " + key, e);
        }
    }

    private void listen(ServerSocket s, String key, int httpStatus) {
        sockets.add(s);
        Thread t = new Thread(() -> serve(s, httpStatus), "sim-guest-" + key);
        t.setDaemon(true);
        t.start();
    }

    static InetAddress address(int machineIndex) {
        try {
            int i = machineIndex + 1;
            return InetAddress.getByAddress(new byte[] {127, 1, (byte) (i / 250), (byte) (i % 250 + 1)});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serve(ServerSocket server, int httpStatus) {
        while (!server.isClosed()) {
            try (Socket c = server.accept()) {
                c.setSoTimeout(2000);
                InputStream in = c.getInputStream();
                byte[] buf = new byte[4096];
                int n;
                try {
                    n = in.read(buf);
                } catch (java.net.SocketTimeoutException plainTcp) {
                    continue; // a TCP check connects and leaves: nothing to answer
                }
                if (n > 0 && new String(buf, 0, Math.min(n, 8), StandardCharsets.US_ASCII).matches("(GET|HEAD|POST) .*")) {
                    String body = "simulated failover VM\n";
                    OutputStream out = c.getOutputStream();
                    out.write(("HTTP/1.1 " + httpStatus + " SIM\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    @Override public synchronized void close() {
        for (ServerSocket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a listener that is already gone
            }
        }
        sockets.clear();
        open.clear();
    }
}
