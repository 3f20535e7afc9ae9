package io.tokenmetrics.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of an I/O error in words: Java's file-system exceptions often carry only the path
 * as their message ("x.csv"), which says nothing of why.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * Why {@code e} happened, without the path: "permission denied", "no such file or directory"…
     *
     * @param e the I/O error
     * @return why {@code e} happened, without the path: "permission denied", "no such file or directory"…
     * @throws NullPointerException if {@code e} is null
     */
    public static String reason(IOException e) {
        if (e instanceof java.net.UnknownHostException) {
            // its message is the host name alone
            return "unknown host " + e.getMessage();
        }
        if (e instanceof java.net.ConnectException || e instanceof java.net.SocketTimeoutException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory" + other((FileSystemException) e);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            if (f.getReason() != null) {
                return f.getReason();
            }
        }
        String m = e.getMessage();
        if (m == null || m.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return m;
    }

    private static String other(FileSystemException e) {
        return e.getOtherFile() != null ? " (" + e.getOtherFile() + ")" : "";
    }
}
