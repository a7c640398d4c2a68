package org.parallelsystemtools.pipes;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Lutz {@code multi-badq.py}: not everything can travel through a pipe. The child sends a
 * bound method, {@code Spam().action}; the object behind it cannot be serialized, so the child
 * gets a {@code NotSerializableException} and the parent, reading, gets the same error wrapped.
 *
 * <p>The book's Python 3.1 could not pickle a bound method at all; Python 3.11 can, and prints
 * {@code parent got: <bound method Spam.action of ...>}. Java can send a method reference only
 * when its interface is {@code Serializable} and so is every object it carries: here the
 * {@code Spam} it is bound to is not.
 */
public final class NotSerializable {

    /** A Runnable that may be serialized, if what it captures may be. */
    interface Action extends Runnable, Serializable {
    }

    /** The book's class: its method prints 99. Not Serializable, like most classes. */
    static class Spam {
        void action() {
            System.out.println(99);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            sender();
            return;
        }
        Process child = Relaunch.start(NotSerializable.class);   // Process(target=sender, ...)
        try (ObjectInputStream parentEnd = new ObjectInputStream(child.getInputStream())) {
            System.out.println("parent got: " + parentEnd.readObject());
        } catch (java.io.WriteAbortedException e) {
            // The writer's stream carries its failure to the reader, in place of the object.
            System.out.println("parent got an error: " + e);
        }
        child.waitFor();
        System.out.println("parent exit");
    }

    /** {@code pipe.send(Spam().action)}, then close. */
    static void sender() throws Exception {
        try (ObjectOutputStream pipe = new ObjectOutputStream(System.out)) {
            Action action = new Spam()::action;
            pipe.writeObject(action);
        } catch (java.io.NotSerializableException e) {
            System.err.println("child " + ProcessHandle.current().pid() + " cannot send Spam().action: " + e);
        }
    }
}
/* Output: (unordered; vary 14605)
parent got an error: java.io.WriteAbortedException: writing aborted; java.io.NotSerializableException: org.parallelsystemtools.pipes.NotSerializable$Spam
child 14605 cannot send Spam().action: java.io.NotSerializableException: org.parallelsystemtools.pipes.NotSerializable$Spam
parent exit
*/
