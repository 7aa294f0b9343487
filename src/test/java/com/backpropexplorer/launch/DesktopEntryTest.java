package com.backpropexplorer.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.ui.ExplorerApp;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The desktop entry the .deb installs (src/dist/linux): what a menu shows and how it finds the window. */
class DesktopEntryTest {
    private static final Path ENTRY = Path.of("src/dist/linux/backprop-explorer.desktop");

    private static Properties entry() throws IOException {
        List<String> lines = Files.readAllLines(ENTRY, StandardCharsets.UTF_8);
        assertEquals("[Desktop Entry]", lines.get(0));
        Properties keys = new Properties();
        try (Reader reader = new java.io.StringReader(String.join("\n", lines.subList(1, lines.size())))) {
            keys.load(reader);
        }
        return keys;
    }

    @Test
    void itIsTheAppInTheEducationMenu() throws IOException {
        Properties keys = entry();
        assertEquals("Application", keys.getProperty("Type"));
        assertEquals("Backprop Explorer", keys.getProperty("Name"));
        assertTrue(List.of(keys.getProperty("Categories").split(";")).contains("Education"), keys::toString);
        assertEquals("APPLICATION_LAUNCHER", keys.getProperty("Exec"), "jpackage puts the launcher's path there");
        assertEquals("APPLICATION_ICON", keys.getProperty("Icon"));
        assertTrue(keys.getProperty("Comment[ja]").contains("ゼロから作るDeep Learning"));
    }

    @Test
    void theWindowIsMatchedToTheEntryByTheClassJavaFxNamesItAfter() throws IOException {
        // JavaFX on GTK sets WM_CLASS to the Application subclass's name; move or rename
        // ExplorerApp and this line of the desktop entry must follow
        assertEquals(ExplorerApp.class.getName(), entry().getProperty("StartupWMClass"));
    }
}
