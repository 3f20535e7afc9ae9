package io.tokenmetrics.usage;

import io.tokenmetrics.internal.IoErrors;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the user named, as the inputs to read: directories walked, standard input, repeats noted. */
final class Inputs {
    private Inputs() {
    }

    static final class Input {
        final Path path;
        final InputStream stream;
        final String name;
        /** The directory a file lies in, Claude Code's project. */
        final String project;
        /** Set instead of reading: why this input is not read. */
        final String note;
        /** Named by the caller, not found in a directory: an empty one is an error, not a file to skip. */
        final boolean given;

        private Input(Path path, InputStream stream, String name, String project, String note, boolean given) {
            this.path = path;
            this.stream = stream;
            this.name = name;
            this.project = project;
            this.note = note;
            this.given = given;
        }

        static Input stream(InputStream in, String name) {
            return new Input(null, in, name, null, null, true);
        }

        InputStream open() throws IOException {
            if (stream != null) {
                // the caller owns the stream: read it, never close it
                return new FilterInputStream(stream) {
                    @Override
                    public void close() {
                    }
                };
            }
            if (!Files.isRegularFile(path) && path.getFileSystem() == java.nio.file.FileSystems.getDefault()) {
                // a FIFO or a device: the JDK's channel stream asks a pipe for its position ("Illegal seek"); a plain file stream does not
                return new java.io.FileInputStream(path.toFile());
            }
            return Files.newInputStream(path);
        }

        /** Whether to read as JSON: by the name, else by the first byte that is not white space. */
        boolean json(InputStream data) throws IOException {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".gz")) {
                n = n.substring(0, n.length() - 3);
            }
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                return true;
            }
            if (n.endsWith(".csv")) {
                return false;
            }
            data.mark(1024);
            try {
                for (int i = 0; i < 1024; i++) {
                    int c = data.read();
                    if (c < 0) {
                        return false;
                    }
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF) {
                        continue;
                    }
                    return c == '{' || c == '[';
                }
                return false;
            } finally {
                data.reset();
            }
        }
    }

    private static boolean readable(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json");
    }

    static List<Input> expand(List<Path> given) {
        List<Input> out = new ArrayList<>();
        Map<Object, String> seen = new HashMap<>();
        boolean stdin = false;
        for (Path p : given) {
            java.util.Objects.requireNonNull(p, "input");
            if (p.toString().equals("-")) {
                if (stdin) {
                    out.add(new Input(null, null, "-", null, "standard input is named twice: read once", true));
                    continue;
                }
                stdin = true;
                out.add(new Input(null, System.in, "(standard input)", null, null, true));
                continue;
            }
            if (Files.isDirectory(p)) {
                List<Path> files = new ArrayList<>();
                try {
                    // a plain visitor, not a stream: a usage run of a few files should not pay for the stream machinery
                    Files.walkFileTree(p, new java.nio.file.SimpleFileVisitor<Path>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                            // a link to a file counts as the file, as Files.isRegularFile follows it
                            if (Files.isRegularFile(f) && readable(f)) {
                                files.add(f);
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                            throw e;
                        }
                    });
                } catch (IOException e) {
                    throw new UsageLogException(p.toString(), 0, "cannot read the directory: " + IoErrors.reason(e));
                }
                java.util.Collections.sort(files);
                if (files.isEmpty()) {
                    throw new UsageLogException(p.toString(), 0, "no usage log in the directory: no .csv, .jsonl, .ndjson or .json file"
                            + " (each also .gz) in it or below it");
                }
                for (Path f : files) {
                    add(out, seen, f, false);
                }
                continue;
            }
            if (!Files.exists(p)) {
                throw new UsageLogException(p.toString(), 0, Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "a broken symbolic link"
                        : "no such file or directory");
            }
            add(out, seen, p, true);
        }
        return out;
    }

    private static void add(List<Input> out, Map<Object, String> seen, Path f, boolean given) {
        Object key;
        try {
            Object k = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            key = k != null ? k : f.toRealPath();
        } catch (NoSuchFileException e) {
            throw new UsageLogException(f.toString(), 0, "no such file or directory");
        } catch (IOException e) {
            throw new UsageLogException(f.toString(), 0, "cannot read: " + IoErrors.reason(e));
        }
        String first = seen.putIfAbsent(key, f.toString());
        String project = Records.project(f.toAbsolutePath().toString());
        if (first != null) {
            out.add(new Input(f, null, f.toString(), project, f + " is the same file as " + first + ": read once", given));
        } else {
            out.add(new Input(f, null, f.toString(), project, null, given));
        }
    }
}
