package org.parallelsystemtools.filewalk.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallelsystemtools.filewalk.beyond.PythonPrettyPrint.Pair;

/** Each expected text is what CPython 3.11's pprint.pformat printed for the same list. */
class PythonPrettyPrintTest {

    @Test
    void emptyAndShortListsStayOnOneLine() {
        assertEquals("[]", PythonPrettyPrint.pformat(List.of()));
        assertEquals("[(3, '/tmp/a.py')]", PythonPrettyPrint.pformat(List.of(new Pair(3, "/tmp/a.py"))));
        assertEquals("[(1, '/a/b.py'), (2, '/a/c.py')]",
                PythonPrettyPrint.pformat(List.of(new Pair(1, "/a/b.py"), new Pair(2, "/a/c.py"))));
    }

    @Test
    void aListLongerThan80CharactersGetsOneTuplePerLine() {
        assertEquals("""
                [(1, '/home/user/some/long/path/to/a/file/that/is/quite/long.py'),
                 (2, '/home/user/another/long/path.py')]""",
                PythonPrettyPrint.pformat(List.of(
                        new Pair(1, "/home/user/some/long/path/to/a/file/that/is/quite/long.py"),
                        new Pair(2, "/home/user/another/long/path.py"))));
    }

    @Test
    void aTupleThatStillDoesNotFitIsBrokenAfterTheSize() {
        assertEquals("""
                [(12345,
                  '/home/user/projects/a/very/deep/folder/structure/that/goes/on/and/on/forever.py'),
                 (2, '/x.py')]""",
                PythonPrettyPrint.pformat(List.of(
                        new Pair(12345, "/home/user/projects/a/very/deep/folder/structure/that/goes/on/and/on/forever.py"),
                        new Pair(2, "/x.py"))));
    }

    @Test
    void aLongPathWithSpacesIsSplitIntoAdjacentLiterals() {
        assertEquals("""
                [(7,
                  '/home/user/My Documents/Python Projects/a folder with spaces in its '
                  'name/and a long file name.py'),
                 (8, '/b.py')]""",
                PythonPrettyPrint.pformat(List.of(
                        new Pair(7, "/home/user/My Documents/Python Projects/a folder with spaces in its name/and a long file name.py"),
                        new Pair(8, "/b.py"))));
    }

    @Test
    void quotesAndControlCharactersAreEscapedAsPythonDoes() {
        assertEquals("[(1, \"/a/it's.py\"),\n"
                        + " (2, '/a/say \"hi\".py'),\n"
                        + " (3, '/a/both \\' and \".py'),\n"
                        + " (4, '/a/tab\\there.py')]",
                PythonPrettyPrint.pformat(List.of(new Pair(1, "/a/it's.py"), new Pair(2, "/a/say \"hi\".py"),
                        new Pair(3, "/a/both ' and \".py"), new Pair(4, "/a/tab\there.py"))));
    }

    @Test
    void undecodableBytesAndUnprintableCharactersAreEscapedPrintableOnesKept() {
        assertEquals("[(1, '/a/caf\\udce9.py'),\n"
                        + " (2, '/a/café.py'),\n"
                        + " (3, '/a/\\x7f\\xa0\\u200b.py'),\n"
                        + " (4, '/a/\uD83D\uDE00.py')]",
                PythonPrettyPrint.pformat(List.of(new Pair(1, "/a/caf\uDCE9.py"), new Pair(2, "/a/café.py"),
                        new Pair(3, "/a/\u007f\u00a0\u200b.py"), new Pair(4, "/a/\uD83D\uDE00.py"))));
    }
}
