package io.labrunner.emulator.sagemaker.algorithms;

import java.nio.file.Path;
import java.util.List;

/**
 * One input channel, its objects already fetched from S3 in key order.
 *
 * @param contentType the channel's ContentType as the job gave it, or null when it gave none
 * @param files       local copies of the channel's objects (a prefix's objects, or a manifest's entries)
 */
public record ChannelData(String name, String contentType, List<Path> files) {

    public ChannelData {
        files = List.copyOf(files);
    }
}
