package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Files named with a sequence number (segments, snapshots): found by pattern, ordered by number. */
final class NumberedFiles {

    record Numbered(Path path, long number) {
    }

    private NumberedFiles() {
    }

    /**
     * Regular files of {@code dir} whose name matches {@code name} (group 1 = the number),
     * lowest number first; other files are ignored.
     */
    static List<Numbered> list(Path dir, Pattern name) throws IOException {
        List<Numbered> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = name.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file)) {
                    found.add(new Numbered(file, Long.parseLong(m.group(1))));
                }
            }
        }
        found.sort(Comparator.comparingLong(Numbered::number));
        return found;
    }
}
