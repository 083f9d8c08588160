package com.puffy.pipeline.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the configuration: the built-in defaults, overlaid key by key with a user's YAML file. A user file needs
 * only the keys it changes; unknown keys are rejected so that a typo never silently keeps a default.
 */
public final class ConfigLoader {
    public static final String DEFAULTS_RESOURCE = "/com/puffy/pipeline/default-config.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /** The built-in defaults as YAML text, exactly as shipped (with their comments). */
    public static String defaultsText() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The built-in configuration is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PipelineConfig defaults() {
        return bind(readTree(defaultsText(), "the built-in configuration"), "the built-in configuration");
    }

    /** Defaults overlaid with {@code userFile}; {@code null} means defaults only. */
    public static PipelineConfig load(Path userFile) {
        if (userFile == null) {
            return defaults();
        }
        String text;
        try {
            text = Files.readString(userFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Configuration file " + userFile + " does not exist: check the --config path.", e);
        } catch (IOException e) {
            throw new ConfigException("Configuration file " + userFile + " cannot be read (" + e.getMessage()
                    + "): check its permissions and that it is UTF-8 text.", e);
        }
        String source = "configuration file " + userFile;
        JsonNode merged = readTree(defaultsText(), "the built-in configuration");
        JsonNode user = readTree(text, source);
        if (user != null && !user.isNull() && !user.isMissingNode()) {
            if (!user.isObject()) {
                throw new ConfigException("The " + source + " must be a YAML mapping like the output of "
                        + "`eventpipe config --print-defaults`.");
            }
            overlay((ObjectNode) merged, (ObjectNode) user);
        }
        return bind(merged, source);
    }

    /** A short stable hash of a configuration, so cached results are reused only under the same rules. */
    public static String fingerprint(Object configSection) {
        try {
            byte[] json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsBytes(configSection);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the configuration", e);
        }
    }

    private static JsonNode readTree(String text, String source) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("The " + source + " is not valid YAML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "): " + e.getOriginalMessage(), e);
        }
    }

    private static void overlay(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            // Maps of synonyms are replaced whole only when the user says so; nested sections merge key by key.
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode valueObject) {
                overlay(existingObject, valueObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static PipelineConfig bind(JsonNode tree, String source) {
        try {
            PipelineConfig config = YAML.treeToValue(tree, PipelineConfig.class);
            validate(config, source);
            return config;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("The " + source + " has an unknown key '" + e.getPropertyName()
                    + "': compare it with `eventpipe config --print-defaults`.", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("The " + source + " has a value of the wrong type: " + e.getOriginalMessage(), e);
        }
    }

    private static void validate(PipelineConfig config, String source) {
        String empty = config.quality() == null ? "quality" : config.transform() == null ? "transform"
                : config.monitoring() == null ? "monitoring" : null;
        if (empty != null) {
            // Only a section written with nothing under it gets here: the defaults fill every absent one.
            throw new ConfigException("The " + source + " has an empty `" + empty + ":` section: remove that line, or "
                    + "put under it the keys to change from `eventpipe config --print-defaults`.");
        }
        try {
            java.util.regex.Pattern.compile(config.quality().botPattern());
            java.util.regex.Pattern.compile(config.quality().clientIdPattern());
        } catch (RuntimeException e) {
            throw new ConfigException("The " + source + " has a pattern that is not a valid regular expression: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (config.transform().sessionGapMinutes() <= 0 || config.transform().lookbackDays() <= 0) {
            throw new ConfigException("The " + source + " must give a positive session_gap_minutes and lookback_days.");
        }
    }
}
