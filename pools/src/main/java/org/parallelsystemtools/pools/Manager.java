package org.parallelsystemtools.pools;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.NoSuchObjectException;
import java.rmi.Remote;
import java.rmi.RemoteException;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Java's stand-in for Python's {@code multiprocessing.Manager()}: a queue that stays in one
 * process while pool workers, in other processes, use it through a proxy.
 *
 * <p>Python's manager is a server process of its own, and its proxies reach it over a socket.
 * Here the queue stays in the main JVM, and Java RMI makes the proxy: handed to a
 * {@link WorkerPool} task, it travels to the worker as "a queue at 127.0.0.1, port N", and each
 * {@code put} or {@code get} there is a call over that socket back into this process. Only this
 * machine can connect, and a call may carry only plain values ({@code java.lang},
 * {@code java.math}).
 */
public final class Manager implements AutoCloseable {

    /** What a worker can do with a managed queue: Python's {@code put}, {@code get(True)}, {@code qsize}. */
    public interface Queue<E> extends Remote {
        void put(E item) throws RemoteException;

        E get() throws RemoteException, InterruptedException;

        int qsize() throws RemoteException;
    }

    private static final class Held<E> implements Queue<E> {
        private final BlockingQueue<E> items = new LinkedBlockingQueue<>();

        @Override
        public void put(E item) {
            items.add(item);
        }

        @Override
        public E get() throws InterruptedException {
            return items.take();
        }

        @Override
        public int qsize() {
            return items.size();
        }
    }

    /** Sockets on the loopback address only; it travels inside the proxy, so it is serializable. */
    private record Loopback() implements RMIClientSocketFactory, RMIServerSocketFactory, Serializable {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }
    }

    private final List<Remote> served = new ArrayList<>();

    /** Python's {@code Manager().Queue()}: the proxy of a new queue held in this process. */
    public <E> Queue<E> queue() throws RemoteException {
        Held<E> queue = new Held<>();
        served.add(queue);
        ObjectInputFilter plainValues = ObjectInputFilter.Config.createFilter("java.lang.*;java.math.*;!*");
        @SuppressWarnings("unchecked")
        Queue<E> proxy = (Queue<E>) UnicastRemoteObject.exportObject(queue, 0, new Loopback(), new Loopback(), plainValues);
        return proxy;
    }

    /** Stops serving: RMI's threads would otherwise keep this JVM running. */
    @Override
    public void close() {
        for (Remote queue : served) {
            try {
                UnicastRemoteObject.unexportObject(queue, true);
            } catch (NoSuchObjectException alreadyClosed) {
                // nothing left to stop
            }
        }
    }
}
