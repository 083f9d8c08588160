package com.puffy.pipeline.config;

/**
 * The whole configuration: one section per stage. Loaded by {@link ConfigLoader} from the built-in
 * {@code default-config.yaml}, overlaid with the user's file.
 */
public record PipelineConfig(QualityConfig quality, TransformConfig transform, MonitoringConfig monitoring) {
}
