package io.github.hardening.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real TCP endpoints on loopback for failure tests: one that accepts connections and never answers, and a
 * forwarder to a real server that can be cut and restored on the same port.
 */
final class TcpEndpoints implements AutoCloseable {

	private final int port;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private TcpEndpoints(int port, int targetPort) {
		this.port = port;
		this.targetPort = targetPort;
	}

	/** Accepts connections on a free port and never reads or writes a byte. */
	static TcpEndpoints blackhole() throws IOException {
		TcpEndpoints endpoint = new TcpEndpoints(freePort(), -1);
		endpoint.open();
		return endpoint;
	}

	/** Forwards a free port to {@code targetPort}; call {@link #open()} to start. */
	static TcpEndpoints forwarderTo(int targetPort) throws IOException {
		return new TcpEndpoints(freePort(), targetPort);
	}

	/** Returns a port that nothing listens on (closed right after it was found free). */
	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	int port() {
		return this.port;
	}

	/** Starts listening (again). */
	synchronized void open() throws IOException {
		ServerSocket listening = new ServerSocket();
		listening.setReuseAddress(true);
		listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = listening;
		Thread acceptor = new Thread(() -> acceptLoop(listening), "tcp-endpoint-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Stops listening and cuts every open connection, as a crashed server would. */
	synchronized void cut() throws IOException {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	private void acceptLoop(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				this.sockets.add(client);
				if (this.targetPort > 0) {
					Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
					this.sockets.add(upstream);
					pipe(client, upstream);
					pipe(upstream, client);
				}
			}
			catch (IOException ex) {
				// Closed by cut() or close(): the loop ends.
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// Either side closed: the other is closed below.
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ex) {
					// Already closed.
				}
			}
		}, "tcp-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		cut();
	}

}
