package io.github.hardening.test;

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
public final class TcpEndpoints implements AutoCloseable {

	private final int port;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private volatile long delayMillis;

	private TcpEndpoints(int port, int targetPort) {
		this.port = port;
		this.targetPort = targetPort;
	}

	/** Accepts connections on a free port and never reads or writes a byte. */
	public static TcpEndpoints blackhole() throws IOException {
		TcpEndpoints endpoint = new TcpEndpoints(freePort(), -1);
		endpoint.open();
		return endpoint;
	}

	/** Forwards a free port to {@code targetPort}; call {@link #open()} to start. */
	public static TcpEndpoints forwarderTo(int targetPort) throws IOException {
		return new TcpEndpoints(freePort(), targetPort);
	}

	/** Returns a port that nothing listens on (closed right after it was found free). */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** Returns the port this endpoint listens on. */
	public int port() {
		return this.port;
	}

	/**
	 * Holds every chunk sent towards the target this long before passing it on, as a slow server or network
	 * would; order is kept.
	 * @param millis the delay, 0 for none
	 */
	public void delayUpstream(long millis) {
		this.delayMillis = millis;
	}

	/** Starts listening (again). */
	public synchronized void open() throws IOException {
		ServerSocket listening = new ServerSocket();
		listening.setReuseAddress(true);
		listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = listening;
		Thread acceptor = new Thread(() -> acceptLoop(listening), "tcp-endpoint-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Stops listening and cuts every open connection, as a crashed server would. */
	public synchronized void cut() throws IOException {
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
					pipe(client, upstream, true);
					pipe(upstream, client, false);
				}
			}
			catch (IOException ex) {
				// Closed by cut() or close(): the loop ends.
			}
		}
	}

	private void pipe(Socket from, Socket to, boolean delayed) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				byte[] buffer = new byte[8192];
				int read;
				while ((read = in.read(buffer)) != -1) {
					long delay = this.delayMillis;
					if (delayed && delay > 0) {
						Thread.sleep(delay);
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
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
