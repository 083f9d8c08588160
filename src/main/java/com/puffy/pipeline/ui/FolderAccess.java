package com.puffy.pipeline.ui;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the app may list a folder and open the files in it, asked when the folder is opened. The app asks the
 * operating system ({@link #system()}); tests answer for it, since they run as root, who may read every folder.
 */
@FunctionalInterface
public interface FolderAccess {
    /** What the user lacks to read {@code folder}'s files, as the end of a sentence; "" when nothing. */
    String denied(Path folder);

    String NO_LISTING = "you have no permission to list what is in it";
    String NO_OPENING = "you have no permission to open the files in it";

    /** The operating system's answer: the folder's read and search permissions, then a listing of it. */
    static FolderAccess system() {
        return folder -> {
            if (!Files.isReadable(folder)) {
                return NO_LISTING;
            }
            // Read without search (r-- on a folder): its names can be listed, but no file in it can be opened.
            if (!Files.isExecutable(folder)) {
                return NO_OPENING;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                entries.iterator().hasNext();
                return "";
            } catch (AccessDeniedException e) {
                return NO_LISTING;
            } catch (IOException | RuntimeException e) {
                // Gone meanwhile, or a drive that stopped answering: opening and the run say so in their own words.
                return "";
            }
        };
    }
}
