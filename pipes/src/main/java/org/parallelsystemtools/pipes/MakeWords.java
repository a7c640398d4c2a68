package org.parallelsystemtools.pipes;

/**
 * Lutz {@code makewords.py}: three words, one per line, on standard output. It is a word source
 * for pipes: whatever reads its standard output gets the words, in a shell
 * ({@code ... MakeWords | sort}) or in a Java program ({@link SortedWords}).
 */
public final class MakeWords {

    public static void main(String[] args) {
        System.out.println("spam");
        System.out.println("eggs");
        System.out.println("ham");
    }
}
/* Output:
spam
eggs
ham
*/
