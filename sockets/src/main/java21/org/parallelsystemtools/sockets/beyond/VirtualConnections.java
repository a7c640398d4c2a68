package org.parallelsystemtools.sockets.beyond;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * {@code EchoServer --virtual} (JDK 21+): one virtual thread per connection, at most
 * {@code max} at once. Virtual threads are cheap to start and to block, so they are not pooled;
 * the Semaphore is what bounds them. A blocking read parks the virtual thread and frees its
 * carrier, so thousands of silent clients cost memory, not platform threads.
 */
final class VirtualConnections implements EchoServer.Runner {

    private final int max;
    private final Semaphore permits;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private Thread acceptor;

    VirtualConnections(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    @Override
    public void start(EchoServer server) {
        ThreadFactory virtual = Thread.ofVirtual().name("echo-virtual-", 1).factory();
        acceptor = Thread.ofPlatform().name("echo-acceptor").start(() -> {
            while (true) {
                try {
                    permits.acquire(); // at the cap, new clients wait in the listen queue
                } catch (InterruptedException e) {
                    return;
                }
                SocketChannel channel = server.accept();
                if (channel == null) {
                    permits.release();
                    return;
                }
                EchoServer.Slot slot = new EchoServer.Slot();
                server.register(slot);
                Thread thread = virtual.newThread(() -> {
                    try {
                        server.serve(slot, channel, ByteBuffer.allocate(EchoServer.MAX_MESSAGE + 2),
                                ByteBuffer.allocate(EchoServer.MAX_MESSAGE + 64));
                    } finally {
                        server.unregister(slot);
                        running.remove(Thread.currentThread());
                        permits.release();
                    }
                });
                running.add(thread);
                thread.start();
            }
        });
    }

    @Override
    public String describe() {
        return "a virtual thread per connection, at most " + max + " at once";
    }

    @Override
    public int connections() {
        return running.size();
    }

    @Override
    public void join(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        acceptor.join(Math.max(1, end - System.currentTimeMillis()));
        for (Thread t : running) {
            t.join(Math.max(1, end - System.currentTimeMillis()));
        }
    }
}
