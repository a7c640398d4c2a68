package org.parallelsystemtools.pipes;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lutz {@code multi2.py}: whole objects, not bytes, through a pipe, in both directions. A list
 * comes up from one child; a dictionary comes up from another, which gets a set back.
 *
 * <p>{@code multiprocessing.Pipe} pickles what it sends; Java serializes it with object streams
 * over the child's standard input and output, the two pipes every child JVM has.
 */
public final class ObjectPipe {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args[1].equals("sender")) {
                sender();
            } else {
                talker();
            }
            return;
        }
        Process sender = Relaunch.start(ObjectPipe.class, "sender");
        try (ObjectInputStream parentEnd = new ObjectInputStream(sender.getInputStream())) {
            System.out.println("parent got: " + py(parentEnd.readObject()));
        }

        Process child = Relaunch.start(ObjectPipe.class, "talker");
        ObjectOutputStream toChild = new ObjectOutputStream(child.getOutputStream());
        ObjectInputStream fromChild = new ObjectInputStream(child.getInputStream());
        System.out.println("parent got: " + py(fromChild.readObject()));
        Set<String> doubled = "spam".chars().mapToObj(x -> Character.toString(x).repeat(2))   // {x * 2 for x in 'spam'}
                .collect(Collectors.toCollection(HashSet::new));
        toChild.writeObject(doubled);
        toChild.flush();
        child.waitFor();   // child.join()
        sender.waitFor();
        System.out.println("parent exit");
    }

    /** {@code pipe.send(['spam'] + [42, 'eggs'])}, then close. */
    static void sender() throws Exception {
        try (ObjectOutputStream pipe = new ObjectOutputStream(System.out)) {
            pipe.writeObject(List.of("spam", 42, "eggs"));
        }
    }

    /** Sends {@code dict(name='Bob', spam=42)}, then prints the reply. */
    static void talker() throws Exception {
        ObjectOutputStream pipe = new ObjectOutputStream(System.out);
        Map<String, Object> dict = new LinkedHashMap<>();   // a dict keeps insertion order
        dict.put("name", "Bob");
        dict.put("spam", 42);
        pipe.writeObject(dict);
        pipe.flush();
        Object reply = new ObjectInputStream(System.in).readObject();
        // The book's talker prints to the console; this child's standard output is the pipe,
        // so it prints on standard error, which it shares with the parent.
        System.err.println("talker got: " + py(reply));
    }

    /** An object as Python's print shows it: {@code ['spam', 42]}, {@code {'name': 'Bob'}}. */
    static String py(Object o) {
        if (o instanceof String) {
            return "'" + o + "'";
        }
        if (o instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> py(e.getKey()) + ": " + py(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (o instanceof Collection<?> items) {
            boolean set = o instanceof Set;
            return items.stream().map(ObjectPipe::py).collect(Collectors.joining(", ", set ? "{" : "[", set ? "}" : "]"));
        }
        return String.valueOf(o);
    }
}
/* Output: (unordered)
parent got: ['spam', 42, 'eggs']
parent got: {'name': 'Bob', 'spam': 42}
talker got: {'ss', 'pp', 'aa', 'mm'}
parent exit
*/
