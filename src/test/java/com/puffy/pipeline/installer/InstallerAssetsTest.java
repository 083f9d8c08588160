package com.puffy.pipeline.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The icons and settings jpackage reads from the repository (installer/, assets/) are complete and well-formed. */
class InstallerAssetsTest {
    private static final Path ASSETS = Path.of("assets");
    private static final Path INSTALLER = Path.of("installer");
    private static final String CLASS_DATA_ARCHIVE = "-XX:SharedArchiveFile=$APPDIR/eventpipe.jsa";
    /** A HotSpot option of Linux only: a Windows or macOS JVM given it refuses to start. */
    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    @Test
    void pngIconsAreSquareWithTransparentCornersAtTheirNamedSizes() throws IOException {
        assertIcon(ImageIO.read(ASSETS.resolve("icon.png").toFile()), 256);
        assertIcon(ImageIO.read(ASSETS.resolve("icon-512.png").toFile()), 512);
    }

    @Test
    void hicolorIconsAreDrawnAtEverySizeLinuxDesktopsLookUp() throws IOException {
        for (int size : AppIcon.HICOLOR_SIZES) {
            Path file = AppIcon.hicolorFile(size);
            assertThat(file).as("the %d px theme icon", size).isRegularFile();
            assertIcon(ImageIO.read(file.toFile()), size);
        }
        try (var sizes = Files.list(AppIcon.HICOLOR)) {
            assertThat(sizes.map(dir -> dir.getFileName().toString()))
                    .as("no size the app image carries that AppIcon does not draw")
                    .containsExactlyInAnyOrderElementsOf(AppIcon.HICOLOR_SIZES.stream().map(n -> n + "x" + n).toList());
        }
    }

    @Test
    void icoHoldsSmallBitmapsAndA256PixelPng() throws IOException {
        List<IconContainers.IcoEntry> entries = IconContainers.readIco(Files.readAllBytes(ASSETS.resolve("icon.ico")));

        assertThat(entries).extracting(IconContainers.IcoEntry::size).containsExactly(16, 32, 48, 256);
        assertThat(entries).extracting(IconContainers.IcoEntry::png).containsExactly(false, false, false, true);
        entries.forEach(entry -> assertIcon(entry.image(), entry.size()));
    }

    @Test
    void icnsHoldsEveryStandardAndRetinaSizeAsPng() throws IOException {
        Map<String, BufferedImage> images = IconContainers.readIcns(Files.readAllBytes(ASSETS.resolve("icon.icns")));

        assertThat(images.keySet()).containsExactlyElementsOf(IconContainers.ICNS_TYPES.keySet());
        IconContainers.ICNS_TYPES.forEach((type, size) -> assertIcon(images.get(type), size));
    }

    @Test
    void icoWriterKeepsEveryPixelOfASmallIcon() throws IOException {
        BufferedImage drawn = AppIcon.render(16);

        BufferedImage read = IconContainers.readIco(IconContainers.ico(List.of(drawn))).get(0).image();

        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                assertThat(read.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(drawn.getRGB(x, y));
            }
        }
    }

    @Test
    void icnsWithAWrongLengthFieldIsRejected() {
        byte[] icns = IconContainers.icns(AppIcon.renderAll());
        byte[] truncated = Arrays.copyOf(icns, icns.length - 10);

        assertThatThrownBy(() -> IconContainers.readIcns(truncated)).isInstanceOf(IOException.class)
                .hasMessageContaining("length");
    }

    @Test
    void icnsWriterRefusesAMissingSize() {
        Map<Integer, BufferedImage> images = AppIcon.renderAll();
        images.remove(1024);

        assertThatThrownBy(() -> IconContainers.icns(images)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024");
    }

    @Test
    void linuxMenuEntryStartsTheInstalledLauncherWithItsIconAndIsOfferedForFolders() throws IOException {
        Properties entry = new Properties();
        List<String> lines = Files.readAllLines(INSTALLER.resolve("linux/app/eventpipe.desktop"));
        assertThat(lines.get(0)).isEqualTo("[Desktop Entry]");
        lines.stream().skip(1).filter(line -> line.contains("="))
                .forEach(line -> entry.setProperty(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));

        assertThat(entry.getProperty("Type")).isEqualTo("Application");
        assertThat(entry.getProperty("Name")).isEqualTo("Event Pipeline Studio");
        // jpackage installs the app image of name eventpipe into /opt/eventpipe, its icon as lib/eventpipe.png
        // %f: "Open with" on a folder passes that one folder (eventpipe DIR opens the app on it); a menu start passes
        // nothing, and the app opens the last folder or the sample data.
        assertThat(entry.getProperty("Exec")).isEqualTo("/opt/eventpipe/bin/eventpipe %f");
        // Not registered for folders: where no default folder opener is set, it could become it (decision 0700).
        assertThat(entry.getProperty("MimeType")).isNull();
        // A theme icon name, not a file: the package scripts install it at every size (hicolorIconsAreDrawnAt…).
        assertThat(entry.getProperty("Icon")).isEqualTo("eventpipe");
        assertThat(entry.getProperty("Terminal")).isEqualTo("false");
    }

    @Test
    void linuxMenuEntryNamesTheWindowClassOfTheAppSoDocksGroupItsWindow() throws Exception {
        String wmClass = Files.readAllLines(INSTALLER.resolve("linux/app/eventpipe.desktop")).stream()
                .filter(line -> line.startsWith("StartupWMClass=")).findFirst().orElseThrow().substring(15);

        // JavaFX on GTK names the window class after the Application subclass.
        Class<?> app = Class.forName(wmClass, false, getClass().getClassLoader());
        assertThat(app.getSuperclass().getName()).isEqualTo("javafx.application.Application");
    }

    @Test
    void debScriptsInstallTheMenuEntryThemselvesWithoutXdgUtils() throws IOException {
        // What they do in each of dpkg's calls: DebMaintainerScriptsTest.
        String postinst = Files.readString(INSTALLER.resolve("linux/package/postinst"));

        assertThat(postinst).contains("/usr/share/applications/eventpipe.desktop").doesNotContain("xdg-desktop-menu install");
    }

    @Test
    void windowsUpgradeCodeIsAFixedUuid() throws IOException {
        String script = Files.readString(INSTALLER.resolve("windows/build-msi.ps1"));

        Matcher uuid = Pattern.compile("\\$upgradeUuid = '([0-9a-f-]{36})'").matcher(script);
        assertThat(uuid.find()).as("build-msi.ps1 sets $upgradeUuid").isTrue();
        assertThat(java.util.UUID.fromString(uuid.group(1)).toString()).isEqualTo(uuid.group(1));
        assertThat(script).contains("'--win-upgrade-uuid', $upgradeUuid", "'--win-per-user-install'", "'--win-menu'",
                "'--win-shortcut'", "assets\\icon.ico");
    }

    @Test
    void scriptSettingsNameEveryValueTheScriptsRead() throws IOException {
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(INSTALLER.resolve("jpackage.properties"))) {
            settings.load(in);
        }
        String msi = Files.readString(INSTALLER.resolve("windows/build-msi.ps1"));
        String dmg = Files.readString(INSTALLER.resolve("macos/build-dmg.sh"));

        Matcher psKeys = Pattern.compile("\\$settings\\.(\\w+)").matcher(msi);
        while (psKeys.find()) {
            assertThat(settings).as("build-msi.ps1 reads %s", psKeys.group(1)).containsKey(psKeys.group(1));
        }
        Matcher shKeys = Pattern.compile("\\$\\(setting (\\w+)\\)").matcher(dmg);
        while (shKeys.find()) {
            assertThat(settings).as("build-dmg.sh reads %s", shKeys.group(1)).containsKey(shKeys.group(1));
        }
    }

    @Test
    void everyLauncherCarriesTheSameJavaOptions() throws Exception {
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        List<String> appImage = optionsUnder(pom, "javaOptions");
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(INSTALLER.resolve("jpackage.properties"))) {
            settings.load(in);
        }
        // The class-data archive is built for the Linux app image only (theClassDataArchiveIsBuiltInto…), and huge
        // pages are Linux's (theLinuxOnlyOptionsReachOnlyTheLinuxAppImage).
        List<String> everyPlatform = appImage.stream()
                .filter(option -> !option.equals(CLASS_DATA_ARCHIVE) && !option.equals(HUGE_PAGES)).toList();
        List<String> jvmOptions = everyPlatform.stream().filter(option -> option.startsWith("-XX:")).toList();

        assertThat(appImage).contains("-XX:InlineSmallCode=1000");
        assertThat(List.of(settings.getProperty("java_options").split(" ")))
                .as("jpackage.properties java_options (the .msi and .dmg launchers)").isEqualTo(everyPlatform);
        assertThat(optionsUnder(pom, "options")).as("javafx:run").containsAll(
                jvmOptions.stream().filter(option -> !option.startsWith("-XX:MaxRAM")).toList());
    }

    @Test
    void theLinuxOnlyOptionsReachOnlyTheLinuxAppImage() throws Exception {
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());

        assertThat(optionsUnder(pom, "javaOptions")).contains(HUGE_PAGES);
        assertThat(optionsUnder(pom, "options")).as("javafx:run, on any system").doesNotContain(HUGE_PAGES);
        // the pom builds its app image only where the Linux profile turns it on; Windows and macOS skip it
        assertThat(property(pom, "project", "installer.appimage.skip")).isEqualTo("true");
        assertThat(property(pom, "javafx-linux", "installer.appimage.skip")).isEqualTo("false");
        for (String other : List.of("javafx-windows", "javafx-mac", "javafx-mac-aarch64")) {
            assertThat(property(pom, other, "installer.appimage.skip")).as(other).isNull();
        }
        assertThat(Files.readString(INSTALLER.resolve("windows/build-msi.ps1"))).contains("installer.appimage.skip=true");
        assertThat(Files.readString(INSTALLER.resolve("macos/build-dmg.sh"))).contains("installer.appimage.skip=true");
    }

    /** The value of a property of the pom's own properties ({@code project}) or of a profile's, or null. */
    private static String property(org.w3c.dom.Document pom, String owner, String name) {
        org.w3c.dom.NodeList found = pom.getElementsByTagName(name);
        for (int i = 0; i < found.getLength(); i++) {
            org.w3c.dom.Node properties = found.item(i).getParentNode();
            org.w3c.dom.Node holder = properties.getParentNode();
            String holderName = holder.getNodeName().equals("profile")
                    ? ((org.w3c.dom.Element) holder).getElementsByTagName("id").item(0).getTextContent()
                    : holder.getNodeName();
            if (properties.getNodeName().equals("properties") && holderName.equals(owner)) {
                return found.item(i).getTextContent().trim();
            }
        }
        return null;
    }

    @Test
    void theClassDataArchiveIsBuiltIntoTheAppImageAfterItAndBeforeThePackagesThatWrapIt() throws Exception {
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        String script = Files.readString(INSTALLER.resolve("linux/cds-archive.sh"));

        // the launcher maps the file the script writes: $APPDIR is the app image's lib/app
        assertThat(optionsUnder(pom, "javaOptions")).contains(CLASS_DATA_ARCHIVE);
        assertThat(script).contains("name=eventpipe", "archive=\"$app_dir/lib/app/$name.jsa\"");
        assertThat(phaseOf(pom, "app-image")).isEqualTo("prepare-package");
        assertThat(phaseOf(pom, "installer-cds-archive")).isEqualTo("prepare-package");
        assertThat(phaseOf(pom, "deb")).isEqualTo("package");
        assertThat(phaseOf(pom, "rpm")).isEqualTo("package");
        // Within one phase Maven runs the plugins in the order the main build declares them (a profile's own
        // plugins come after): jpackage's app image must come before antrun's archive.
        List<String> mainPlugins = new java.util.ArrayList<>();
        org.w3c.dom.Element build = (org.w3c.dom.Element) pom.getDocumentElement().getElementsByTagName("build").item(0);
        org.w3c.dom.NodeList plugins = build.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            org.w3c.dom.Element plugin = (org.w3c.dom.Element) plugins.item(i);
            if (plugin.getParentNode().getParentNode() == build) {
                mainPlugins.add(plugin.getElementsByTagName("artifactId").item(0).getTextContent().trim());
            }
        }
        assertThat(mainPlugins).contains("jpackage-maven-plugin", "maven-antrun-plugin");
        assertThat(mainPlugins.indexOf("jpackage-maven-plugin")).isLessThan(mainPlugins.indexOf("maven-antrun-plugin"));
    }

    @Test
    void thePackagesOneLineDescriptionFitsDebiansSynopsis() throws Exception {
        // jpackage makes the project's description the .deb's synopsis and the .rpm's Summary: Debian policy keeps a
        // synopsis under 80 characters (lintian: synopsis-too-long), and package managers cut longer ones in lists.
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        String description = ((org.w3c.dom.Element) pom.getDocumentElement().getElementsByTagName("description").item(0))
                .getTextContent().trim();
        assertThat(description).as("the project's description").hasSizeLessThanOrEqualTo(80).doesNotEndWith(".");
    }

    /** The phase of the pom's execution of that id. */
    private static String phaseOf(org.w3c.dom.Document pom, String executionId) {
        org.w3c.dom.NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            org.w3c.dom.Element execution = (org.w3c.dom.Element) executions.item(i);
            org.w3c.dom.NodeList ids = execution.getElementsByTagName("id");
            if (ids.getLength() > 0 && ids.item(0).getTextContent().trim().equals(executionId)) {
                return execution.getElementsByTagName("phase").item(0).getTextContent().trim();
            }
        }
        throw new AssertionError("no execution " + executionId + " in pom.xml");
    }

    /** The {@code <option>} texts of every {@code <parent>} element of the pom, in order. */
    private static List<String> optionsUnder(org.w3c.dom.Document pom, String parent) {
        List<String> options = new java.util.ArrayList<>();
        org.w3c.dom.NodeList parents = pom.getElementsByTagName(parent);
        for (int p = 0; p < parents.getLength(); p++) {
            org.w3c.dom.NodeList children = ((org.w3c.dom.Element) parents.item(p)).getElementsByTagName("option");
            for (int c = 0; c < children.getLength(); c++) {
                options.add(children.item(c).getTextContent().trim());
            }
        }
        return options;
    }

    private static void assertIcon(BufferedImage image, int size) {
        assertThat(image).as("a %d px image", size).isNotNull();
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha at %d px", size).isZero();
        assertThat(image.getRGB(size / 2, size / 2) >>> 24).as("centre alpha at %d px", size).isEqualTo(255);
    }
}
